/**
 * `npm run bench:history`: a history of a million entries (by default) written the way the app writes
 * it — an app's reads appended unchained, writes chained in their transaction — then chained by the
 * history.chain_reads pass, covered by a checkpoint, and verified by what `npm run history:verify` and
 * the background chain check run (verifyAllHistoryChains). Prints the time of each step. A figures
 * script, not part of `npm test`: on a fresh database of the PostgreSQL server in BENCH_DATABASE_URL
 * (or DATABASE_URL), dropped at the end.
 *
 * Options: --entries (default 1,000,000), --patients (default 1,000).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

const { values } = parseArgs({
  options: { entries: { type: "string", default: "1000000" }, patients: { type: "string", default: "1000" } },
});
const options = z
  .object({ entries: z.coerce.number().int().min(1000).max(10_000_000), patients: z.coerce.number().int().min(1).max(100_000) })
  .parse(values);
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("BENCH_DATABASE_URL (or DATABASE_URL) must name a PostgreSQL server: PGlite says nothing about a deployment.");
  process.exit(2);
}
const dataDir = await mkdtemp(join(tmpdir(), "bench-history-"));
Object.assign(process.env, { APP_ENV: "test", DATA_DIR: dataDir, LOG_LEVEL: "warn", HISTORY_KEY: randomBytes(32).toString("base64") });
delete process.env.DATABASE_URL;

const { createEmptyDatabase } = await import("@/lib/testing/database");
const { applyMigrations } = await import("@/prisma/migrate");
const { createPrismaClient } = await import("@/lib/server/db");
const { appendReadHistory } = await import("@/lib/server/history/append-read-history");
const { recordHistory } = await import("@/lib/server/history/record-history");
const { chainPendingHistory } = await import("@/lib/server/history/chain-pending-history");
const { publishHistoryCheckpoint } = await import("@/lib/server/history/publish-history-checkpoint");
const { verifyAllHistoryChains } = await import("@/lib/server/history/verify-all-history-chains");
const { createLocalStorage } = await import("@/lib/server/storage/local-storage");

const database = await createEmptyDatabase(serverUrl);
try {
  await applyMigrations(database.url);
  const db = createPrismaClient(database.url, 4);
  const storage = createLocalStorage({ root: join(dataDir, "vault") });
  const patients = Array.from({ length: options.patients }, () => randomUUID());
  const event = (patientId: string, read: boolean) => ({
    patientId,
    actor: { userId: null, role: null, label: "Banc d'essai", appId: patients[0]! },
    action: read ? ("DOCUMENT_LIST_VIEWED" as const) : ("DOCUMENT_UPLOADED" as const),
    document: read ? null : { id: randomUUID(), title: "Document de test" },
    details: { basis: "APP", resource: "DocumentReference" },
    ipAddress: "127.0.0.1",
  });
  const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };

  console.log(`History of ${options.entries} entries over ${options.patients} patients, PostgreSQL ${database.url.split("@")[1]}:`);
  // Nine reads in ten appended (batches of 1,000, patients mixed), one write in ten chained in its transaction.
  let written = 0;
  let round = 0;
  await time("written (90 % reads appended unchained, 10 % writes chained)", async () => {
    while (written < options.entries) {
      const batch = Math.min(1000, options.entries - written);
      const reads = Math.round(batch * 0.9);
      await appendReadHistory(
        db,
        Array.from({ length: reads }, (_, i) => event(patients[(round * 1000 + i) % patients.length]!, true)),
      );
      const writes = batch - reads;
      // Ten writes at a time, each for one patient, as an upload of several files would be.
      for (let i = 0; i < writes; i += 10) {
        const patientId = patients[(round * 7 + i) % patients.length]!;
        await db.$transaction((tx) =>
          recordHistory(
            tx,
            Array.from({ length: Math.min(10, writes - i) }, () => event(patientId, false)),
          ),
        );
      }
      written += batch;
      round += 1;
      if (round % 20 === 0) await chainPendingHistory(db); // the job, every so often
    }
  });
  const chained = await time("last chaining pass", () => chainPendingHistory(db));
  console.log(`    (${chained.chained} chained, ${chained.refused} refused)`);
  await time("checkpoint published", () => publishHistoryCheckpoint(db, { storage }));
  const report = await time("every chain verified against its checkpoint (history:verify)", () => verifyAllHistoryChains(db, { storage }));
  console.log(
    `  ${report.patients} chains, ${report.entries} entries verified, ${report.broken.length} broken, ${report.checkpointProblems.length} checkpoint problems`,
  );
  await db.$disconnect();
  process.exitCode = report.entries === options.entries && report.broken.length === 0 ? 0 : 1;
} finally {
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
}
