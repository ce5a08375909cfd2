import "server-only";
import { getHistoryKeyring, type HistoryKeyring } from "@/lib/server/crypto/history-keys";
import type { Db } from "@/lib/server/db";
import { expectedHistoryEntryHash, GENESIS_HASH, historySeal } from "./history-hash";

/**
 * What can be wrong with a chain, by kind only (never what an entry says):
 * - SEQUENCE_GAP, PREVIOUS_HASH: an entry is missing, or does not point at its predecessor;
 * - HASH: an entry's content does not match its hash (rewritten; a recomputed plain SHA-256 fails too);
 * - UNKNOWN_KEY: its hash names a history key this server does not hold (HISTORY_OLD_KEYS incomplete);
 * - UNKEYED: a plain SHA-256 entry where only keyed ones may be (after a keyed entry, or beyond what the
 *   chain's last checkpoint covers): anyone able to write the table can compute a plain hash;
 * - CHECKPOINT_MISMATCH: the entry at the checkpointed sequence is not the one the checkpoint signed;
 * - TRUNCATED / CHAIN_DELETED: the chain is shorter than its checkpoint says, or gone altogether;
 * - SEAL: a read event waiting to be chained (sequence null) whose seal does not match its content: the
 *   chaining pass will not chain it (brokenAtSequence: where it would have gone).
 */
export type ChainProblem =
  "SEQUENCE_GAP" | "PREVIOUS_HASH" | "HASH" | "UNKNOWN_KEY" | "UNKEYED" | "CHECKPOINT_MISMATCH" | "TRUNCATED" | "CHAIN_DELETED" | "SEAL";

export type ChainVerdict =
  | { patientId: string; entries: number; intact: true }
  | { patientId: string; entries: number; intact: false; brokenAtSequence: number; problem: ChainProblem };

/** A chain's head as a signed checkpoint recorded it (history-checkpoints.ts). */
export type CheckpointedHead = { sequence: number; hash: string };

export type VerifyChainOptions = {
  pageSize?: number;
  keyring?: HistoryKeyring;
  /** The chain's latest checkpointed head: the chain must reach it, through exactly that entry. */
  checkpointed?: CheckpointedHead | null;
  /**
   * Verify only what follows the checkpointed head (the publisher extending a checkpoint): the entries
   * up to it were vouched for when it was signed, and still are if that entry's hash is unchanged.
   */
  fromCheckpoint?: boolean;
  /**
   * Accept plain SHA-256 entries before the first keyed one even without a checkpoint: only for the
   * very first checkpoint, which takes the chains written before the chain was keyed under its cover.
   */
  acceptLegacyPrefix?: boolean;
};

/**
 * Recomputes a patient's chain: every sequence present, each entry pointing at its predecessor's hash,
 * each hash matching the entry's content under the key it names, and the chain reaching its last
 * checkpoint through the very entry the checkpoint signed. Reads by pages, so a long history is checked
 * in flat memory.
 */
export async function verifyHistoryChain(
  db: Pick<Db, "historyEntry">,
  patientId: string,
  {
    pageSize = 1000,
    keyring = getHistoryKeyring(),
    checkpointed = null,
    fromCheckpoint = false,
    acceptLegacyPrefix = false,
  }: VerifyChainOptions = {},
): Promise<ChainVerdict> {
  const resume = fromCheckpoint && checkpointed ? checkpointed : null;
  let expectedSequence = resume ? resume.sequence : 1;
  let previousHash = GENESIS_HASH;
  let sawKeyed = false;
  for (;;) {
    const page = await db.historyEntry.findMany({
      where: { patientId, sequence: { gte: expectedSequence } },
      orderBy: { sequence: "asc" },
      take: pageSize,
    });
    for (const row of page) {
      const entry = { ...row, sequence: row.sequence!, previousHash: row.previousHash!, hash: row.hash! };
      const broken = (problem: ChainProblem) => ({
        patientId,
        entries: expectedSequence - 1,
        intact: false as const,
        brokenAtSequence: entry.sequence,
        problem,
      });
      if (entry.sequence !== expectedSequence) return broken("SEQUENCE_GAP");
      const atCheckpoint = checkpointed?.sequence === entry.sequence;
      if (atCheckpoint && entry.hash !== checkpointed.hash) return broken("CHECKPOINT_MISMATCH");
      if (resume && atCheckpoint) {
        // The checkpoint vouches for this entry and, through its hash, for everything before it.
        sawKeyed = entry.hashKeyId !== null;
      } else {
        if (entry.previousHash !== previousHash) return broken("PREVIOUS_HASH");
        if (entry.hashKeyId === null) {
          const covered = checkpointed !== null && entry.sequence <= checkpointed.sequence;
          if (sawKeyed || !(covered || acceptLegacyPrefix)) return broken("UNKEYED");
        } else sawKeyed = true;
        const expected = expectedHistoryEntryHash(entry, keyring);
        if (expected === null) return broken("UNKNOWN_KEY");
        if (expected !== entry.hash) return broken("HASH");
      }
      previousHash = entry.hash;
      expectedSequence += 1;
    }
    if (page.length < pageSize) break;
  }
  const entries = expectedSequence - 1;
  if (checkpointed && entries < checkpointed.sequence) {
    return { patientId, entries, intact: false, brokenAtSequence: entries + 1, problem: entries === 0 ? "CHAIN_DELETED" : "TRUNCATED" };
  }
  // Read events not chained yet: each must carry the seal only this application can make.
  let after: string | undefined;
  for (;;) {
    const pending = await db.historyEntry.findMany({
      where: { patientId, sequence: null, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    for (const row of pending) {
      const key = row.hashKeyId ? keyring.byId.get(row.hashKeyId) : undefined;
      if (!key || !row.seal || historySeal({ ...row, hashKeyId: key.id }, key.chainKey) !== row.seal) {
        return { patientId, entries, intact: false, brokenAtSequence: entries + 1, problem: "SEAL" };
      }
    }
    if (pending.length < pageSize) break;
    after = pending.at(-1)!.id;
  }
  return { patientId, entries, intact: true };
}
