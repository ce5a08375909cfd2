import "server-only";
import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { getHistoryKeyring, type HistoryKeyring } from "@/lib/server/crypto/history-keys";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { checkpointPeriod, checkpointStorageKey, readHistoryCheckpoints, signCheckpoint } from "./history-checkpoints";
import { verifyHistoryChain } from "./verify-history-chain";

export type CheckpointPublication =
  | { published: true; period: string; chains: number; refused: number }
  | { published: false; period: string; reason: "ALREADY_PUBLISHED" | "NOTHING_CHANGED"; refused: number };

type Head = { patientId: string; sequence: number; hash: string };

/**
 * Publishes this hour's checkpoint if no instance has yet: the head of every chain that moved since
 * the checkpoints before it. A checkpoint vouches only for what verifies: each moved chain is verified
 * from its last checkpointed head onwards (or whole, for a new chain) before its new head is listed. A
 * chain that fails is left out, so its last good head keeps standing against it (a truncated then
 * regrown chain cannot launder itself into a checkpoint), and is logged by id for the operators.
 *
 * The very first checkpoint also takes in the chains written before the chain was keyed (plain
 * SHA-256 entries): from then on it covers them, and no plain entry is accepted past it.
 */
export async function publishHistoryCheckpoint(
  db: Pick<Db, "historyEntry" | "$queryRaw">,
  { storage, keyring = getHistoryKeyring(), now = new Date() }: { storage: BlobStorage; keyring?: HistoryKeyring; now?: Date },
): Promise<CheckpointPublication> {
  const period = checkpointPeriod(now);
  const key = checkpointStorageKey(period);
  // The usual case on all but one instance each hour: someone else already did it.
  if (await storage.exists(key)) return { published: false, period, reason: "ALREADY_PUBLISHED", refused: 0 };

  const known = await readHistoryCheckpoints(storage, keyring);
  const firstEver = known.latest === null;
  const moved: Head[] = [];
  let refused = 0;
  for (const head of await chainHeads(db)) {
    const checkpointed = known.heads.get(head.patientId) ?? null;
    if (checkpointed && checkpointed.sequence === head.sequence && checkpointed.hash === head.hash) continue;
    const verdict = await verifyHistoryChain(db, head.patientId, {
      keyring,
      checkpointed,
      fromCheckpoint: true,
      acceptLegacyPrefix: firstEver,
    });
    if (!verdict.intact) {
      refused += 1;
      logger.warn(
        {
          event: "history.checkpoint.chain_refused",
          patientId: head.patientId,
          sequence: verdict.brokenAtSequence,
          problem: verdict.problem,
        },
        "history chain left out of the checkpoint",
      );
      continue;
    }
    moved.push(head);
  }
  if (moved.length === 0) return { published: false, period, reason: "NOTHING_CHANGED", refused };

  const checkpoint = signCheckpoint(
    {
      format: "ens-history-checkpoint",
      version: 1,
      period,
      takenAt: now.toISOString(),
      previous: known.latest,
      chains: moved.map((h) => [h.patientId, h.sequence, h.hash] as [string, number, string]),
    },
    keyring,
  );
  const temp = join(await storage.tempDir(), randomUUID());
  await writeFile(temp, JSON.stringify(checkpoint), { mode: 0o600 });
  try {
    await storage.putFile(key, temp);
  } catch (error) {
    await rm(temp, { force: true });
    // Another instance published this period between our check and our write: theirs stands.
    if (error instanceof AppError && error.code === "CONFLICT") return { published: false, period, reason: "ALREADY_PUBLISHED", refused };
    throw error;
  }
  return { published: true, period, chains: moved.length, refused };
}

/**
 * Every chain's newest entry. One pass over the (patientId, sequence) index each hour: fine for the
 * hundreds of thousands of chains this app is sized for; beyond, keep the heads in a table of their own.
 */
async function chainHeads(db: Pick<Db, "$queryRaw">): Promise<Head[]> {
  return db.$queryRaw<
    Head[]
  >`SELECT DISTINCT ON ("patientId") "patientId", sequence, hash FROM "HistoryEntry" WHERE sequence IS NOT NULL ORDER BY "patientId", sequence DESC`;
}
