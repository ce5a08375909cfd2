/**
 * `npm run vault:check [-- --repair]`: reconciles the vault's storage with its database
 * (lib/server/vault/check/check-vault.ts) and prints a short summary: counts, storage keys and
 * document ids, never health data. Report only by default; `--repair` removes stale temporary files
 * and old unreferenced blobs and purges documents binned more than 30 days ago. Exits 1 when
 * problems remain (2 when it cannot run), so it can run from cron or a monitoring job.
 *
 * The database: DATABASE_URL when set. Otherwise the embedded one in DATA_DIR/pglite: if the app is
 * running it holds that folder (PGlite must not be opened twice), so the check connects to the
 * app's socket, whose address `npm start` writes to DATA_DIR/pglite.url; if the app is stopped, the
 * check opens the folder itself for the time of the run, as `npm start` would (no migration is
 * applied: a check never changes the schema).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const USAGE = "Usage: npm run vault:check [-- --repair]";

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--repair");
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown[0]}. ${USAGE}`);
  process.exit(2);
}
const repair = args.includes("--repair");
// The library's JSON log lines would drown the summary; problems are in the summary anyway.
process.env.LOG_LEVEL ||= "warn";

const { ConfigError, parseConfig } = await import("@/lib/server/config");
const { createPrismaClient } = await import("@/lib/server/db");
const { createStorage } = await import("@/lib/server/storage/create-storage");
const { checkVault } = await import("@/lib/server/vault/check/check-vault");
const { startEmbeddedDatabase } = await import("@/prisma/embedded-db");
type Report = Awaited<ReturnType<typeof checkVault>>;

async function main(): Promise<number> {
  const config = parseConfig(process.env, root);
  let databaseUrl = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const folder = join(config.dataDir, "pglite");
    if (!existsSync(folder)) {
      console.error(`No DATABASE_URL and no embedded database in ${folder}: nothing to check (start the app once with npm start).`);
      return 2;
    }
    try {
      const embedded = await startEmbeddedDatabase({ dataDir: folder, maxConnections: 8 });
      databaseUrl = embedded.url;
      stopEmbedded = embedded.stop;
      console.log(`Embedded database opened from ${folder} (the app is not running).`);
    } catch (error) {
      if (!(error instanceof Error && /already in use/.test(error.message))) throw error;
      databaseUrl = readFileSync(join(config.dataDir, "pglite.url"), "utf8").trim();
      console.log("Embedded database reached through the running app.");
    }
  }

  const db = createPrismaClient(databaseUrl, 4);
  try {
    const storage = createStorage(config.storage);
    console.log(`Checking the vault (${storage.driver} storage)${repair ? ", repairing" : ", report only"} …`);
    const report = await checkVault({ db, storage, masterKey: config.masterKey, repair });
    printSummary(report);
    return report.problemsRemaining > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
    await stopEmbedded?.();
  }
}

function printSummary(report: Report) {
  const lines: string[] = [];
  const list = (items: string[], count: number) => (count === 0 ? "" : `\n      ${items.join("\n      ")}${count > items.length ? `\n      … and ${count - items.length} more` : ""}`);
  lines.push(`  files: ${report.blobs.checked} blobs listed, ${report.documents.checked} documents re-hashed`);
  lines.push(`  stale temporary files: ${report.staleTemporaries.found} found, ${report.staleTemporaries.removed} removed`);
  const orphans = report.orphanBlobs;
  lines.push(
    `  unreferenced blobs: ${orphans.found.count} older than the grace period, ${orphans.removed.count} removed` +
      (orphans.inGracePeriod > 0 ? ` (${orphans.inGracePeriod} recent ones left alone: uploads or deletions in progress)` : "") +
      list(orphans.found.items, orphans.found.count),
  );
  lines.push(
    `  documents whose file is missing: ${report.missingBlobs.count}` +
      (report.missingBlobs.count > 0 ? " (cannot be repaired here: restore the files from a backup of the storage)" : "") +
      list(report.missingBlobs.items, report.missingBlobs.count),
  );
  lines.push(`  documents whose file was altered: ${report.contentMismatches.count}` + list(report.contentMismatches.items, report.contentMismatches.count));
  lines.push(
    `  documents whose key does not unwrap: ${report.decryptFailures.count}` +
      (report.decryptFailures.count > 0 ? " (is MASTER_KEY the one these files were stored with?)" : "") +
      list(report.decryptFailures.items, report.decryptFailures.count),
  );
  lines.push(`  documents whose file could not be read: ${report.readFailures.count}` + list(report.readFailures.items, report.readFailures.count));
  lines.push(
    `  bin: ${report.bin.due} documents binned more than 30 days ago, ${report.bin.purged.count} permanently deleted` +
      (report.bin.due > 0 && !report.repair ? " (the app purges them hourly; --repair does it now)" : ""),
  );
  lines.push(report.problemsRemaining === 0 ? "Vault consistent." : `${report.problemsRemaining} problem(s) remain${report.repair ? "" : " (run with --repair to fix what can be fixed)"}.`);
  console.log(lines.join("\n"));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
