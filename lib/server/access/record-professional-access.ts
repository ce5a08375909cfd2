import "server-only";
import type { HistoryAction, NotificationKind, Prisma } from "@/lib/generated/prisma/client";
import { alertOnProfessionalAccess, isFirstAccessBy } from "@/lib/server/alerts/notify-patient";
import type { Db, Tx } from "@/lib/server/db";
import { appendReadHistory } from "@/lib/server/history/append-read-history";
import { isReadAction } from "@/lib/server/history/read-actions";
import { recordHistory, type HistoryActor, type HistoryEvent } from "@/lib/server/history/record-history";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";

export type ProfessionalAccessEvent = {
  patientId: string;
  actor: HistoryActor;
  action: HistoryAction;
  document?: { id: string; title: string } | null;
  details?: Prisma.InputJsonObject | null;
  ipAddress: string | null;
};

/**
 * Writes a professional's access to a patient's data into the patient's history, in the caller's
 * transaction, and alerts the patient: always for an emergency access or an access request, and on
 * that professional's first access of any kind but a look-up (in the app, and by e-mail unless the patient turned
 * those e-mails off). Returns the e-mail to send once the transaction has committed. A read is appended
 * unchained (read-actions.ts), so professionals' reads of one patient do not queue behind each other.
 */
export async function recordProfessionalAccess(tx: Tx, event: ProfessionalAccessEvent): Promise<{ messageId: string | null }> {
  // A look-up (identifier and birth date) reads nothing of the record: it is in the history, but the
  // first-access alert belongs to the first real access that may follow.
  if (event.action === "PATIENT_LOOKED_UP") {
    await appendEntry(tx, event);
    return { messageId: null };
  }
  const first = event.actor.userId ? await isFirstAccessBy(tx, event.patientId, event.actor.userId) : false;
  const [historyEntryId] = await appendEntry(tx, event);
  const kind: NotificationKind | null =
    event.action === "EMERGENCY_ACCESS"
      ? "EMERGENCY_ACCESS"
      : event.action === "ACCESS_REQUESTED"
        ? "ACCESS_REQUEST"
        : first
          ? "FIRST_PROFESSIONAL_ACCESS"
          : null;
  if (!kind) return { messageId: null };
  const { messageId } = await alertOnProfessionalAccess(tx, {
    patientId: event.patientId,
    historyEntryId: historyEntryId!,
    actor: event.actor,
    kind,
  });
  return { messageId };
}

function appendEntry(tx: Tx, event: HistoryEvent): Promise<string[]> {
  return isReadAction(event.action) ? appendReadHistory(tx, event) : recordHistory(tx, event);
}

/** Runs `record` in its own transaction, then sends the alert e-mail it queued (if any) after the commit. */
export async function recordProfessionalAccessNow(db: Db, event: ProfessionalAccessEvent): Promise<void> {
  const { messageId } = await db.$transaction((tx) => recordProfessionalAccess(tx, event));
  if (messageId) afterCommitDeliver(messageId);
}
