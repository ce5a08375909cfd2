/**
 * `npm run vault:check [-- --repair]`: reconciles the vault's storage with its database
 * (lib/server/vault/check/check-vault.ts) and prints a short summary: counts, storage keys and
 * document ids, never health data. Report only by default; `--repair` removes stale temporary files
 * and old unreferenced blobs and purges documents binned more than 30 days ago. Exits 1 when
 * problems remain (2 when it cannot run), so it can run from cron or a monitoring job.
 *
 * The database: see open-script-database.ts.
 */
import { resolve } from "node:path";
import { openScriptDatabase } from "./open-script-database";

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
const { systemCtx } = await import("@/lib/server/context/ctx");
type Report = Awaited<ReturnType<typeof checkVault>>;

async function main(): Promise<number> {
  const config = parseConfig(process.env, root);
  const database = await openScriptDatabase(config, { maxConnections: 8 });
  if (!database) return 2;
  const db = createPrismaClient(database.url, 4);
  try {
    const storage = createStorage(config.storage);
    console.log(`Checking the vault (${storage.driver} storage)${repair ? ", repairing" : ", report only"} …`);
    const report = await checkVault(systemCtx({ job: "vault:check", db, storage }), { masterKey: config.masterKey, repair });
    printSummary(report);
    return report.problemsRemaining > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

function printSummary(report: Report) {
  const lines: string[] = [];
  const list = (items: string[], count: number) =>
    count === 0 ? "" : `\n      ${items.join("\n      ")}${count > items.length ? `\n      … and ${count - items.length} more` : ""}`;
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
  lines.push(
    `  documents whose file was altered: ${report.contentMismatches.count}` +
      list(report.contentMismatches.items, report.contentMismatches.count),
  );
  lines.push(
    `  documents whose key does not unwrap: ${report.decryptFailures.count}` +
      (report.decryptFailures.count > 0 ? " (is MASTER_KEY the one these files were stored with?)" : "") +
      list(report.decryptFailures.items, report.decryptFailures.count),
  );
  lines.push(
    `  documents whose file could not be read: ${report.readFailures.count}` + list(report.readFailures.items, report.readFailures.count),
  );
  lines.push(
    `  bin: ${report.bin.due} documents binned more than 30 days ago, ${report.bin.purged.count} permanently deleted` +
      (report.bin.due > 0 && !report.repair ? " (the app purges them hourly; --repair does it now)" : ""),
  );
  lines.push(
    report.problemsRemaining === 0
      ? "Vault consistent."
      : `${report.problemsRemaining} problem(s) remain${report.repair ? "" : " (run with --repair to fix what can be fixed)"}.`,
  );
  console.log(lines.join("\n"));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
