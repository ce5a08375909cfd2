import "server-only";
import { getHistoryKeyring, type HistoryKeyring } from "@/lib/server/crypto/history-keys";
import type { Db } from "@/lib/server/db";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { readHistoryCheckpoints, type CheckpointProblem, type CheckpointState } from "./history-checkpoints";
import { verifyHistoryChain, type ChainVerdict } from "./verify-history-chain";

export type BrokenVerdict = Extract<ChainVerdict, { intact: false }>;

export type HistoryCheckReport = {
  patients: number;
  entries: number;
  broken: BrokenVerdict[];
  /** Checkpoints read, and those that could not be trusted (altered, unknown key, missing). */
  checkpoints: number;
  checkpointProblems: CheckpointProblem[];
};

type VerifyAllOptions = { storage: BlobStorage; keyring?: HistoryKeyring; onPatient?: (verdict: ChainVerdict) => void };

/**
 * Recomputes every patient's chain against its latest signed checkpoint, one patient at a time (flat
 * memory whatever the table's size), then names the checkpointed chains the table no longer holds, and
 * reports the broken ones by id and sequence: what `npm run history:verify` prints, never health data.
 */
export async function verifyAllHistoryChains(
  db: Pick<Db, "historyEntry" | "$queryRaw">,
  { storage, keyring = getHistoryKeyring(), onPatient }: VerifyAllOptions,
): Promise<HistoryCheckReport> {
  const checkpoints = await readHistoryCheckpoints(storage, keyring);
  const report: HistoryCheckReport = {
    patients: 0,
    entries: 0,
    broken: [],
    checkpoints: checkpoints.checkpoints,
    checkpointProblems: checkpoints.problems,
  };
  const record = (verdict: ChainVerdict) => {
    report.patients += 1;
    report.entries += verdict.entries;
    if (!verdict.intact) report.broken.push(verdict);
    onPatient?.(verdict);
  };
  let after: string | null = null;
  for (;;) {
    const ids = await patientsWithHistory(db, { after, limit: 500 });
    for (const patientId of ids)
      record(await verifyHistoryChain(db, patientId, { keyring, checkpointed: checkpoints.heads.get(patientId) ?? null }));
    if (ids.length < 500) break;
    after = ids.at(-1)!;
  }
  for (const verdict of await deletedChains(db, checkpoints)) record(verdict);
  return report;
}

/** The next patients that have a history, in id order after `after`: a keyset served by the (patientId, sequence) unique index. */
export async function patientsWithHistory(
  db: Pick<Db, "$queryRaw">,
  { after, limit }: { after: string | null; limit: number },
): Promise<string[]> {
  const rows: { patientId: string }[] = after
    ? await db.$queryRaw`SELECT DISTINCT "patientId" FROM "HistoryEntry" WHERE "patientId" > ${after}::uuid ORDER BY "patientId" LIMIT ${limit}`
    : await db.$queryRaw`SELECT DISTINCT "patientId" FROM "HistoryEntry" ORDER BY "patientId" LIMIT ${limit}`;
  return rows.map((row) => row.patientId);
}

/** Chains a checkpoint names and the table no longer holds at all: deleted whole. */
export async function deletedChains(db: Pick<Db, "$queryRaw">, checkpoints: Pick<CheckpointState, "heads">): Promise<BrokenVerdict[]> {
  const named = [...checkpoints.heads.keys()];
  const deleted: BrokenVerdict[] = [];
  for (let start = 0; start < named.length; start += 1000) {
    const batch = named.slice(start, start + 1000);
    const rows: { patientId: string }[] =
      await db.$queryRaw`SELECT DISTINCT "patientId" FROM "HistoryEntry" WHERE "patientId" = ANY(${batch}::uuid[])`;
    const present = new Set(rows.map((row) => row.patientId));
    for (const patientId of batch) {
      if (!present.has(patientId)) deleted.push({ patientId, entries: 0, intact: false, brokenAtSequence: 1, problem: "CHAIN_DELETED" });
    }
  }
  return deleted;
}
