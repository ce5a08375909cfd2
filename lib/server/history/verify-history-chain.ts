import "server-only";
import type { Db } from "@/lib/server/db";
import { GENESIS_HASH, historyEntryHash } from "./history-hash";

export type ChainVerdict = { patientId: string; entries: number; intact: true } | { patientId: string; entries: number; intact: false; brokenAtSequence: number; problem: "SEQUENCE_GAP" | "PREVIOUS_HASH" | "HASH" };

/**
 * Recomputes a patient's chain from the first entry: every sequence present, each entry pointing at
 * its predecessor's hash, and each hash matching the entry's content. Reads by pages, so a long
 * history is checked in flat memory.
 */
export async function verifyHistoryChain(db: Pick<Db, "historyEntry">, patientId: string, { pageSize = 1000 } = {}): Promise<ChainVerdict> {
  let expectedSequence = 1;
  let previousHash = GENESIS_HASH;
  for (;;) {
    const page = await db.historyEntry.findMany({ where: { patientId, sequence: { gte: expectedSequence } }, orderBy: { sequence: "asc" }, take: pageSize });
    for (const entry of page) {
      const broken = (problem: "SEQUENCE_GAP" | "PREVIOUS_HASH" | "HASH") => ({ patientId, entries: expectedSequence - 1, intact: false as const, brokenAtSequence: entry.sequence, problem });
      if (entry.sequence !== expectedSequence) return broken("SEQUENCE_GAP");
      if (entry.previousHash !== previousHash) return broken("PREVIOUS_HASH");
      if (historyEntryHash(entry) !== entry.hash) return broken("HASH");
      previousHash = entry.hash;
      expectedSequence += 1;
    }
    if (page.length < pageSize) return { patientId, entries: expectedSequence - 1, intact: true };
  }
}
