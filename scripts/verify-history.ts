/**
 * `npm run history:verify`: recomputes every patient's history chain (sequence, previous hash, hash)
 * and prints each break by patient id and sequence, then a summary; never a name, title or detail.
 * Exits 1 on any break (2 when it cannot run), so it fits a cron or monitoring job.
 *
 * The database: DATABASE_URL when set; otherwise the embedded one, through the running app's socket
 * (DATA_DIR/pglite.url) or, the app being stopped, by opening DATA_DIR/pglite for the time of the run
 * (as vault:check does).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
if (process.argv.length > 2) {
  console.error(`Unknown argument ${process.argv[2]}. Usage: npm run history:verify`);
  process.exit(2);
}
process.env.LOG_LEVEL ||= "warn";

const { ConfigError, parseConfig } = await import("@/lib/server/config");
const { createPrismaClient } = await import("@/lib/server/db");
const { verifyAllHistoryChains } = await import("@/lib/server/history/verify-all-history-chains");
const { startEmbeddedDatabase } = await import("@/prisma/embedded-db");

async function main(): Promise<number> {
  const config = parseConfig(process.env, root);
  let databaseUrl = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const folder = join(config.dataDir, "pglite");
    if (!existsSync(folder)) {
      console.error(`No DATABASE_URL and no embedded database in ${folder}: nothing to verify (start the app once with npm start).`);
      return 2;
    }
    try {
      const embedded = await startEmbeddedDatabase({ dataDir: folder, maxConnections: 4 });
      databaseUrl = embedded.url;
      stopEmbedded = embedded.stop;
      console.log(`Embedded database opened from ${folder} (the app is not running).`);
    } catch (error) {
      if (!(error instanceof Error && /already in use/.test(error.message))) throw error;
      databaseUrl = readFileSync(join(config.dataDir, "pglite.url"), "utf8").trim();
      console.log("Embedded database reached through the running app.");
    }
  }

  const db = createPrismaClient(databaseUrl, 2);
  try {
    console.log("Verifying every patient's history chain …");
    const report = await verifyAllHistoryChains(db, {
      onPatient: (verdict) => {
        if (!verdict.intact) console.log(`  BROKEN patient ${verdict.patientId}: at sequence ${verdict.brokenAtSequence} (${verdict.problem}), ${verdict.entries} entries intact before it`);
      },
    });
    console.log(`  ${report.patients} patient(s), ${report.entries} entries verified before any break, ${report.broken.length} broken chain(s).`);
    console.log(report.broken.length === 0 ? "Every history chain is intact." : "History altered: restore the table from a backup and investigate who could disable its triggers.");
    return report.broken.length === 0 ? 0 : 1;
  } finally {
    await db.$disconnect();
    await stopEmbedded?.();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
