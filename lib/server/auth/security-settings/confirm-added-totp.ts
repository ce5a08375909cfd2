import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { recordSecurityEvent, type RequestContext } from "../record-security-event";
import { confirmTotpEnrolment } from "../totp/confirm-totp-enrolment";
import type { TotpKeyOptions } from "../totp/totp-parameters";
import type { Deliver } from "./deliver";
import { queueSecurityMail } from "./queue-security-mail";

/**
 * Finishes adding an authenticator app from the "Sécurité" page (the account already has a factor):
 * the first code proves the app holds the secret, then the factor counts, and the owner is told by
 * mail that a way into their account was added.
 */
export async function confirmAddedTotp(
  db: Db,
  {
    userId,
    factorId,
    code,
    label,
    context,
    now = new Date(),
    masterKey,
    deliver = afterCommitDeliver,
  }: {
    userId: string;
    factorId: string;
    code: string;
    label?: string;
    context: RequestContext;
    now?: Date;
    deliver?: Deliver;
  } & TotpKeyOptions,
): Promise<void> {
  const confirmed = await confirmTotpEnrolment(db, { userId, factorId, code, now, masterKey });
  if (!confirmed)
    throw new AppError("BAD_REQUEST", "totp enrolment code refused", { messageKey: "security.totp.invalidCode", field: "code" });
  const messageId = await db.$transaction(async (tx) => {
    if (label) await tx.authFactor.update({ where: { id: factorId }, data: { label: label.slice(0, 100) }, select: { id: true } });
    await recordSecurityEvent(tx, { userId, kind: "FACTOR_ENROLLED", context });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, locale: true } });
    return queueSecurityMail(tx, { to: user, template: "factorChanged" });
  });
  deliver(messageId);
}
