import "server-only";
import type { NotificationKind } from "@/lib/generated/prisma/client";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { formattingLocale } from "@/lib/i18n/locales";
import { getConfig } from "@/lib/server/config";
import type { Db } from "@/lib/server/db";
import type { HistoryActor } from "@/lib/server/history/record-history";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import { mailText } from "@/lib/server/messaging/mail-text";

type AlertDb = Pick<Db, "notification" | "historyEntry" | "patientAccessSettings" | "user" | "outboundMessage">;

export type AlertOutcome = {
  notificationId: string;
  /** The outbox row of the e-mail, for afterCommitDeliver once the transaction commits; null when none is sent. */
  messageId: string | null;
};

/**
 * Alerts the patient that a professional reached their space, in the transaction that records the
 * access (so an alert exists exactly when the access does): always in the app; by e-mail on an
 * emergency access (never switched off) and on a professional's first access unless the patient
 * turned those e-mails off. The e-mail names who and when and links to the history; never a document
 * title or any health data. ACCESS_REQUEST alerts are in-app only.
 *
 * Call it after recordHistory, with the new entry's id; then, after commit, `afterCommitDeliver(messageId)`.
 */
export async function alertOnProfessionalAccess(
  tx: AlertDb,
  {
    patientId,
    historyEntryId,
    actor,
    kind,
  }: { patientId: string; historyEntryId: string; actor: Pick<HistoryActor, "label">; kind: NotificationKind },
): Promise<AlertOutcome> {
  const entry = await tx.historyEntry.findUnique({ where: { id: historyEntryId }, select: { patientId: true, createdAt: true } });
  if (!entry || entry.patientId !== patientId) throw new Error("The alert's history entry is not in this patient's history.");
  const notification = await tx.notification.create({
    data: { userId: patientId, kind, historyEntryId, actorLabel: actor.label.slice(0, 200) },
    select: { id: true },
  });

  const wantsMail =
    kind === "EMERGENCY_ACCESS" ||
    (kind === "FIRST_PROFESSIONAL_ACCESS" &&
      (await tx.patientAccessSettings.findUnique({ where: { patientId }, select: { alertFirstAccessByEmail: true } }))
        ?.alertFirstAccessByEmail !== false);
  if (!wantsMail) return { notificationId: notification.id, messageId: null };

  const patient = await tx.user.findUnique({ where: { id: patientId }, select: { email: true, firstName: true, locale: true } });
  if (!patient) return { notificationId: notification.id, messageId: null };
  const when = new Intl.DateTimeFormat(formattingLocale(patient.locale), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: PARIS_TIME_ZONE,
  }).format(entry.createdAt);
  const link = new URL(`/historique?entree=${historyEntryId}`, getConfig().appUrl).toString();
  const mail = await mailText(patient.locale, kind === "EMERGENCY_ACCESS" ? "emergencyAccess" : "professionalFirstAccess", {
    firstName: patient.firstName,
    actor: actor.label,
    when,
    link,
  });
  const messageId = await enqueueEmail(tx, { to: patient.email, ...mail });
  return { notificationId: notification.id, messageId };
}

/**
 * Whether `actorId` has no entry yet in the patient's history, look-ups aside. Takes a transaction-scoped lock on
 * that professional and patient, so call it before recording the access, in the same transaction: two
 * concurrent first accesses by one professional then line up and only the first is "first". The lock is
 * the pair's, not the patient's chain lock, so other professionals' and apps' reads of the patient do not wait
 * (a read's entry is appended unchained). Taken before any chain lock, never after, so the two cannot deadlock.
 */
export async function isFirstAccessBy(tx: Pick<Db, "$executeRaw" | "historyEntry">, patientId: string, actorId: string): Promise<boolean> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`history-first:${patientId}:${actorId}`}, 0))`;
  // Look-ups do not count: the access after one is still the first.
  const earlier = await tx.historyEntry.findFirst({
    where: { patientId, actorId, action: { not: "PATIENT_LOOKED_UP" } },
    select: { id: true },
  });
  return !earlier;
}
