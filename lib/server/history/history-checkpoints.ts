import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { HistoryKeyring } from "@/lib/server/crypto/history-keys";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { canonicalJson } from "./history-hash";
import type { CheckpointedHead } from "./verify-history-chain";

/**
 * Signed checkpoints of the history chains' heads, kept in the blob storage (local folder or S3), which
 * the database role cannot write: whoever controls the database can delete a chain's newest entries, or
 * rewrite a chain whole, and the chain alone would not show it; a checkpoint still names the head
 * (patient, sequence, hash) the chain must reach.
 *
 * One object per hour at most, named after its period (`history-checkpoints/2026-12-05t14`, UTC), written
 * create-only, so instances racing for a period leave exactly one. Each lists only the chains whose head
 * moved since the checkpoints before it, and names its predecessor, so that a missing one shows.
 *
 * Signed with HMAC-SHA256 under a key derived from HISTORY_KEY (history-keys.ts), not Ed25519: the only
 * verifiers are the app and its operators, who hold that secret anyway to sign; a public key would
 * matter for a third-party auditor, which a later version could add beside it (the format has a version).
 */
export const CHECKPOINT_PREFIX = "history-checkpoints";

const FORMAT = "ens-history-checkpoint";
const PERIOD = /^\d{4}-\d{2}-\d{2}t\d{2}$/;

const checkpointSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  period: z.string().regex(PERIOD),
  takenAt: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  previous: z.string().regex(PERIOD).nullable(),
  /** [patient id, sequence, hash] of every chain whose head moved. */
  chains: z.array(z.tuple([z.uuid(), z.number().int().min(1), z.string().regex(/^[0-9a-f]{64}$/)])),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});

export type HistoryCheckpoint = z.infer<typeof checkpointSchema>;
export type UnsignedCheckpoint = Omit<HistoryCheckpoint, "signature" | "keyId">;

/** What can be wrong with a checkpoint object; its chains are then not trusted. */
export type CheckpointProblem = { checkpoint: string; problem: "MALFORMED" | "SIGNATURE" | "UNKNOWN_KEY" | "MISSING_PREVIOUS" };

export type CheckpointState = {
  /** Each chain's latest checkpointed head, from the checkpoints that verify. */
  heads: Map<string, CheckpointedHead>;
  /** How many checkpoint objects were read. */
  checkpoints: number;
  /** The newest checkpoint's period, null when none was ever published. */
  latest: string | null;
  problems: CheckpointProblem[];
};

/** The period a moment falls in: its UTC hour, as a storage segment. */
export function checkpointPeriod(at: Date): string {
  return at.toISOString().slice(0, 13).toLowerCase();
}

export function checkpointStorageKey(period: string): string {
  return `${CHECKPOINT_PREFIX}/${period}`;
}

function signatureOf(body: Omit<HistoryCheckpoint, "signature">, checkpointKey: Buffer): string {
  return createHmac("sha256", checkpointKey).update(canonicalJson(body)).digest("hex");
}

export function signCheckpoint(checkpoint: UnsignedCheckpoint, keyring: HistoryKeyring): HistoryCheckpoint {
  const body = { ...checkpoint, keyId: keyring.current.id };
  return { ...body, signature: signatureOf(body, keyring.current.checkpointKey) };
}

/** Parses and verifies one checkpoint object's text; a problem kind when it cannot be trusted. */
export function openCheckpoint(name: string, text: string, keyring: HistoryKeyring): HistoryCheckpoint | CheckpointProblem["problem"] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "MALFORMED";
  }
  const result = checkpointSchema.safeParse(parsed);
  if (!result.success || result.data.period !== name) return "MALFORMED";
  const { signature, ...body } = result.data;
  const key = keyring.byId.get(body.keyId);
  if (!key) return "UNKNOWN_KEY";
  const expected = Buffer.from(signatureOf(body, key.checkpointKey), "hex");
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return "SIGNATURE";
  return result.data;
}

/**
 * Reads every checkpoint, oldest first, and keeps each chain's latest head from those that verify.
 * One object per hour with changes: a year is at most 8,760 small reads (see ARCHITECTURE.md).
 */
export async function readHistoryCheckpoints(storage: BlobStorage, keyring: HistoryKeyring): Promise<CheckpointState> {
  const state: CheckpointState = { heads: new Map(), checkpoints: 0, latest: null, problems: [] };
  const names: string[] = [];
  for await (const blob of storage.list(`${CHECKPOINT_PREFIX}/`)) names.push(blob.key.slice(CHECKPOINT_PREFIX.length + 1));
  names.sort();
  const present = new Set(names);
  for (const name of names) {
    state.checkpoints += 1;
    state.latest = name;
    const opened = openCheckpoint(name, await readText(storage, checkpointStorageKey(name)), keyring);
    if (typeof opened === "string") {
      state.problems.push({ checkpoint: name, problem: opened });
      continue;
    }
    if (opened.previous && !present.has(opened.previous)) state.problems.push({ checkpoint: opened.previous, problem: "MISSING_PREVIOUS" });
    for (const [patientId, sequence, hash] of opened.chains) state.heads.set(patientId, { sequence, hash });
  }
  return state;
}

async function readText(storage: BlobStorage, key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.openRead(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
