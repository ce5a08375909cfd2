import "server-only";
import type { HistoryAction, Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";
import { appendReadHistory } from "@/lib/server/history/append-read-history";
import { recordHistory, type HistoryActor, type HistoryEvent } from "@/lib/server/history/record-history";
import type { AppAccess } from "@/lib/server/oauth/verify-access-token";

export type AppAccessEvent = {
  action: HistoryAction;
  document?: { id: string; title: string } | null;
  details?: Prisma.InputJsonObject;
  ipAddress: string | null;
};

/** The app as the patient's history names it: no account, the catalogue app and its name at the time. */
export function appHistoryActor(access: AppAccess): HistoryActor {
  return { userId: null, role: null, label: access.app.name, appId: access.app.id };
}

/**
 * Writes an app's access into its patient's history (CSP R.1111-43: who, when, what), in the caller's
 * transaction: a write commits with its entry or not at all.
 */
export async function recordAppAccess(
  tx: Pick<Tx, "$executeRaw" | "historyEntry">,
  access: AppAccess,
  event: AppAccessEvent,
): Promise<void> {
  await recordHistory(tx, appHistoryEvent(access, event));
}

/**
 * For a read: the entry is committed before the data leaves (no entry, no data), appended unchained so
 * that reads of one patient do not queue behind each other (append-read-history.ts).
 */
export async function recordAppAccessNow(db: Db, access: AppAccess, event: AppAccessEvent): Promise<void> {
  await appendReadHistory(db, appHistoryEvent(access, event));
}

function appHistoryEvent(access: AppAccess, event: AppAccessEvent): HistoryEvent {
  return {
    patientId: access.patientId,
    actor: appHistoryActor(access),
    action: event.action,
    document: event.document ?? null,
    details: { basis: "APP", connectionId: access.connectionId, ...event.details },
    ipAddress: event.ipAddress,
  };
}
