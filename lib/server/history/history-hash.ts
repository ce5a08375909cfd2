import "server-only";
import { createHash, createHmac } from "node:crypto";
import type { HistoryKeyring } from "@/lib/server/crypto/history-keys";

/** The previous hash of a chain's first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields a history entry's hash covers: all of them but the hash itself. */
export type HashedHistoryFields = {
  id: string;
  patientId: string;
  sequence: number;
  actorId: string | null;
  actorRole: string | null;
  actorLabel: string;
  /** Set when a connected app acted; absent from the hash otherwise (older entries keep theirs). */
  actorAppId?: string | null;
  action: string;
  documentId: string | null;
  documentTitle: string | null;
  details: unknown;
  ipAddress: string | null;
  createdAt: Date;
  previousHash: string;
  /**
   * The key the hash is an HMAC under (history-keys.ts). Null for the entries written before the chain
   * was keyed: their hash is a plain SHA-256, which anyone able to write the table could recompute, so
   * verification accepts one only before the chain's first keyed entry and within its last checkpoint.
   */
  hashKeyId?: string | null;
};

/**
 * JSON with object keys sorted at every level: PostgreSQL's jsonb gives keys back in its own order,
 * so the hash of what was written must not depend on key order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function coveredFields(entry: HashedHistoryFields): unknown[] {
  return [
    entry.id,
    entry.patientId,
    entry.sequence,
    entry.actorId,
    entry.actorRole,
    entry.actorLabel,
    entry.action,
    entry.documentId,
    entry.documentTitle,
    entry.details ?? null,
    entry.ipAddress,
    entry.createdAt.toISOString(),
    entry.previousHash,
    ...(entry.actorAppId ? [{ actorAppId: entry.actorAppId }] : []),
  ];
}

/** The hash of an entry written before the chain was keyed (hashKeyId null). */
export function plainHistoryEntryHash(entry: HashedHistoryFields): string {
  return createHash("sha256")
    .update(canonicalJson(coveredFields(entry)))
    .digest("hex");
}

/** HMAC-SHA256 under the chain key; the key's id is covered too, so it cannot be swapped for another. */
export function keyedHistoryEntryHash(entry: HashedHistoryFields & { hashKeyId: string }, chainKey: Buffer): string {
  return createHmac("sha256", chainKey)
    .update(canonicalJson([...coveredFields(entry), { hashKeyId: entry.hashKeyId }]))
    .digest("hex");
}

/** What an entry's hash must be: plain or keyed as the entry says; null when its key is unknown here. */
export function expectedHistoryEntryHash(entry: HashedHistoryFields, keyring: HistoryKeyring): string | null {
  if (!entry.hashKeyId) return plainHistoryEntryHash(entry);
  const key = keyring.byId.get(entry.hashKeyId);
  return key ? keyedHistoryEntryHash({ ...entry, hashKeyId: entry.hashKeyId }, key.chainKey) : null;
}

/** The content an unchained read event's seal covers: every field but the chain's own (sequence, previous hash). */
export type SealedHistoryFields = Omit<HashedHistoryFields, "sequence" | "previousHash" | "hashKeyId"> & { hashKeyId: string };

/**
 * HMAC-SHA256 of an unchained entry's content, written with it: the chaining pass chains only rows whose
 * seal matches, so a row slipped into the table by someone without the history key is never vouched for.
 * Prefixed so that a seal can never be mistaken for a chain hash.
 */
export function historySeal(entry: SealedHistoryFields, chainKey: Buffer): string {
  return createHmac("sha256", chainKey)
    .update(
      canonicalJson([
        "unchained",
        entry.id,
        entry.patientId,
        entry.actorId,
        entry.actorRole,
        entry.actorLabel,
        entry.action,
        entry.documentId,
        entry.documentTitle,
        entry.details ?? null,
        entry.ipAddress,
        entry.createdAt.toISOString(),
        entry.actorAppId ?? null,
        { hashKeyId: entry.hashKeyId },
      ]),
    )
    .digest("hex");
}
