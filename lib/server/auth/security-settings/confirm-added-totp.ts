import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { recordSecurityEvent } from "../record-security-event";
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
  ctx: SignedInCtx,
  {
    factorId,
    code,
    label,
    masterKey,
    deliver = afterCommitDeliver,
  }: {
    factorId: string;
    code: string;
    label?: string;
    deliver?: Deliver;
  } & TotpKeyOptions,
): Promise<void> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  const now = ctx.now();
  const confirmed = await confirmTotpEnrolment(db, { userId, factorId, code, now, masterKey });
  if (!confirmed)
    throw new AppError("BAD_REQUEST", "totp enrolment code refused", { messageKey: "security.totp.invalidCode", field: "code" });
  const messageId = await db.$transaction(async (tx) => {
    if (label) await tx.authFactor.update({ where: { id: factorId }, data: { label: label.slice(0, 100) }, select: { id: true } });
    await recordSecurityEvent(tx, { userId, kind: "FACTOR_ENROLLED", context: ctx });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, locale: true } });
    return queueSecurityMail(tx, { to: user, template: "factorChanged" });
  });
  deliver(messageId);
}
