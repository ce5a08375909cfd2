import "server-only";
import { randomUUID } from "node:crypto";
import type { HistoryAction, Prisma, Role } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { getHistoryKeyring, type HistoryKeyring } from "@/lib/server/crypto/history-keys";
import { GENESIS_HASH, keyedHistoryEntryHash } from "./history-hash";

/** Who acted, as the history shows it; the label is copied so that it outlives the account. */
export type HistoryActor = { userId: string | null; role: Role | null; label: string; appId?: string | null };

export type HistoryEvent = {
  patientId: string;
  actor: HistoryActor;
  action: HistoryAction;
  document?: { id: string; title: string } | null;
  /** Facts about the action (field names, a reason); for the patient's eyes only, never logged. */
  details?: Prisma.InputJsonObject | null;
  ipAddress?: string | null;
};

/**
 * Appends entries to patients' histories, inside the caller's transaction: the entry commits with
 * the change it describes, or neither does. Each patient's chain is extended under a transaction-
 * scoped advisory lock on that patient, so concurrent writers line up instead of forking the chain
 * (the unique (patientId, sequence) index would refuse a fork anyway). Each hash is an HMAC under the
 * current history key (history-keys.ts), which the database never sees. Returns the new entries' ids.
 */
export async function recordHistory(
  tx: Pick<Tx, "$executeRaw" | "historyEntry">,
  events: HistoryEvent | HistoryEvent[],
  { keyring = getHistoryKeyring() }: { keyring?: HistoryKeyring } = {},
): Promise<string[]> {
  const list = Array.isArray(events) ? events : [events];
  const ids = new Map<HistoryEvent, string>();
  const byPatient = new Map<string, HistoryEvent[]>();
  for (const event of list) byPatient.set(event.patientId, [...(byPatient.get(event.patientId) ?? []), event]);

  // Always lock patients in the same order, so two multi-patient writers cannot deadlock.
  for (const patientId of [...byPatient.keys()].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`history:${patientId}`}, 0))`;
    // Unchained read events (sequence null) wait for the chaining pass, which takes this same lock.
    const last = await tx.historyEntry.findFirst({
      where: { patientId, sequence: { not: null } },
      orderBy: { sequence: "desc" },
      select: { sequence: true, hash: true },
    });
    let sequence: number = last?.sequence ?? 0;
    let previousHash = last?.hash ?? GENESIS_HASH;
    const createdAt = new Date();
    const rows = byPatient.get(patientId)!.map((event) => {
      sequence += 1;
      const fields = { ...historyFields(event, { id: randomUUID(), createdAt, hashKeyId: keyring.current.id }), sequence, previousHash };
      ids.set(event, fields.id);
      const hash = keyedHistoryEntryHash(fields, keyring.current.chainKey);
      previousHash = hash;
      return { ...fields, details: fields.details ?? undefined, hash };
    });
    await tx.historyEntry.createMany({ data: rows });
  }
  // The new entries' ids, in the order of `events`.
  return list.map((event) => ids.get(event)!);
}

/** An event's content as a history row holds it (labels and titles cut to their columns). */
export function historyFields(event: HistoryEvent, { id, createdAt, hashKeyId }: { id: string; createdAt: Date; hashKeyId: string }) {
  return {
    id,
    patientId: event.patientId,
    actorId: event.actor.userId,
    actorRole: event.actor.role,
    actorLabel: event.actor.label.slice(0, 200),
    actorAppId: event.actor.appId ?? null,
    action: event.action,
    documentId: event.document?.id ?? null,
    documentTitle: event.document?.title.slice(0, 200) ?? null,
    details: event.details ?? null,
    ipAddress: event.ipAddress?.slice(0, 64) ?? null,
    createdAt,
    hashKeyId,
  };
}
