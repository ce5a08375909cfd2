/**
 * `npm run history:verify`: recomputes every patient's history chain (sequence, previous hash, keyed
 * hash) against the latest signed checkpoint of its head, kept in the blob storage (STORAGE_DRIVER),
 * and prints each break by patient id and sequence, each untrustworthy checkpoint by its period, then
 * a summary; never a name, title or detail.
 * Exits 1 on any break (2 when it cannot run), so it fits a cron or monitoring job.
 *
 * The database: see open-script-database.ts.
 */
import { resolve } from "node:path";
import { openScriptDatabase } from "./open-script-database";

const root = resolve(import.meta.dirname, "..");
if (process.argv.length > 2) {
  console.error(`Unknown argument ${process.argv[2]}. Usage: npm run history:verify`);
  process.exit(2);
}
process.env.LOG_LEVEL ||= "warn";

const { ConfigError, parseConfig } = await import("@/lib/server/config");
const { createPrismaClient } = await import("@/lib/server/db");
const { verifyAllHistoryChains } = await import("@/lib/server/history/verify-all-history-chains");
const { historyKeyring } = await import("@/lib/server/crypto/history-keys");
const { createStorage } = await import("@/lib/server/storage/create-storage");

async function main(): Promise<number> {
  const config = parseConfig(process.env, root);
  const database = await openScriptDatabase(config, { maxConnections: 4 });
  if (!database) return 2;
  const db = createPrismaClient(database.url, 2);
  try {
    console.log("Verifying every patient's history chain …");
    const report = await verifyAllHistoryChains(db, {
      storage: createStorage(config.storage),
      keyring: historyKeyring(config.historyKeys),
      onPatient: (verdict) => {
        if (!verdict.intact)
          console.log(
            `  BROKEN patient ${verdict.patientId}: at sequence ${verdict.brokenAtSequence} (${verdict.problem}), ${verdict.entries} entries intact before it`,
          );
      },
    });
    for (const { checkpoint, problem } of report.checkpointProblems) console.log(`  BROKEN checkpoint ${checkpoint}: ${problem}`);
    console.log(
      `  ${report.patients} patient(s), ${report.entries} entries verified before any break, ${report.broken.length} broken chain(s); ${report.checkpoints} checkpoint(s) read, ${report.checkpointProblems.length} untrustworthy.`,
    );
    const intact = report.broken.length === 0 && report.checkpointProblems.length === 0;
    if (report.checkpoints === 0 && report.broken.some((verdict) => verdict.problem === "UNKEYED")) {
      // Entries written before the chain was keyed are covered by the first checkpoint, which a running app publishes.
      console.log(
        "  No checkpoint yet: start the app (it publishes the first one within a minute, covering the entries hashed before the chain was keyed), then verify again.",
      );
    }
    console.log(
      intact
        ? "Every history chain is intact."
        : "History altered: restore the table (or the checkpoints) from a backup and investigate who could write the database as its owner.",
    );
    return intact ? 0 : 1;
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
