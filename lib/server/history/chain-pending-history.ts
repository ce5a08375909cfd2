import "server-only";
import { getHistoryKeyring, type HistoryKeyring } from "@/lib/server/crypto/history-keys";
import type { Db } from "@/lib/server/db";
import { GENESIS_HASH, historySeal, keyedHistoryEntryHash } from "./history-hash";

export type ChainPassResult = { patients: number; chained: number; refused: number };

/**
 * Links unchained read events (appendReadHistory) into their patients' chains, in the order they were
 * read (time, then id). Each patient under the same transaction-scoped advisory lock as recordHistory,
 * so the chain has one writer at a time whichever instance runs the pass; a second pass on the same
 * patient waits, then finds nothing left. A row whose seal does not match its content under the key
 * it names was not written by this application (or was altered): it is left unchained, counted as
 * refused, and reported by the chain check (verify-history-chain.ts, SEAL).
 */
export async function chainPendingHistory(
  db: Pick<Db, "$queryRaw" | "$transaction">,
  { keyring = getHistoryKeyring(), batch = 1000 }: { keyring?: HistoryKeyring; batch?: number } = {},
): Promise<ChainPassResult> {
  const result: ChainPassResult = { patients: 0, chained: 0, refused: 0 };
  const refusedIds = new Set<string>();
  for (;;) {
    const patients: { patientId: string }[] = await db.$queryRaw`
      SELECT DISTINCT "patientId" FROM "HistoryEntry"
      WHERE "sequence" IS NULL AND NOT ("id" = ANY(${[...refusedIds]}::uuid[])) LIMIT 500`;
    if (patients.length === 0) return result;
    let progressed = false;
    for (const { patientId } of patients) {
      const pass = await db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`history:${patientId}`}, 0))`;
          const last = await tx.historyEntry.findFirst({
            where: { patientId, sequence: { not: null } },
            orderBy: { sequence: "desc" },
            select: { sequence: true, hash: true },
          });
          const pending = await tx.historyEntry.findMany({
            where: { patientId, sequence: null },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            take: batch,
          });
          let sequence = last?.sequence ?? 0;
          let previousHash = last?.hash ?? GENESIS_HASH;
          const chained: { id: string; sequence: number; previousHash: string; hash: string }[] = [];
          const refused: string[] = [];
          for (const row of pending) {
            const sealKey = row.hashKeyId ? keyring.byId.get(row.hashKeyId) : undefined;
            if (!sealKey || !row.seal || historySeal({ ...row, hashKeyId: sealKey.id }, sealKey.chainKey) !== row.seal) {
              refused.push(row.id);
              continue;
            }
            sequence += 1;
            const hash = keyedHistoryEntryHash({ ...row, sequence, previousHash, hashKeyId: keyring.current.id }, keyring.current.chainKey);
            chained.push({ id: row.id, sequence, previousHash, hash });
            previousHash = hash;
          }
          if (chained.length > 0) {
            await tx.$executeRaw`
            UPDATE "HistoryEntry" AS h
            SET "sequence" = v.sequence, "previousHash" = v.previous, "hash" = v.hash, "hashKeyId" = ${keyring.current.id}
            FROM unnest(${chained.map((c) => c.id)}::uuid[], ${chained.map((c) => c.sequence)}::int[],
                        ${chained.map((c) => c.previousHash)}::text[], ${chained.map((c) => c.hash)}::text[])
              AS v(id, sequence, previous, hash)
            WHERE h."id" = v.id AND h."sequence" IS NULL`;
          }
          return { chained: chained.length, refused };
          // A batch is a few thousand HMACs and one UPDATE: well under this, even on a busy machine.
        },
        { maxWait: 30_000, timeout: 60_000 },
      );
      result.patients += pass.chained > 0 ? 1 : 0;
      result.chained += pass.chained;
      for (const id of pass.refused) refusedIds.add(id);
      result.refused = refusedIds.size;
      if (pass.chained > 0) progressed = true;
    }
    if (!progressed) return result;
  }
}
