import "server-only";
import { createHash } from "node:crypto";

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

export function historyEntryHash(entry: HashedHistoryFields): string {
  const covered = [
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
  return createHash("sha256").update(canonicalJson(covered)).digest("hex");
}
