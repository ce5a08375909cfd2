import "server-only";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { checkPassword } from "../check-password";
import { hashPassword } from "../password-hash";
import { recordSecurityEvent } from "../record-security-event";
import type { Deliver } from "../security-settings/deliver";
import { queueSecurityMail } from "../security-settings/queue-security-mail";
import { revokeAllSessions } from "../sessions/revoke-sessions";
import { findPasswordReset } from "./find-password-reset";

const invalidLink = () => new AppError("BAD_REQUEST", "password reset link invalid", { messageKey: "passwordReset.invalidLink" });

/**
 * Sets the new password from a reset link, once. Every session of the account ends (whoever had the
 * old password is out), and the owner is told by mail. The lockout counter is left as it is: a reset
 * must not give a code guesser fresh attempts. Signing in afterwards still takes the second factor.
 */
export async function completePasswordReset(
  ctx: Ctx,
  { token, password, deliver = afterCommitDeliver }: { token: string; password: string; deliver?: Deliver },
): Promise<void> {
  const { db } = ctx;
  const now = ctx.now();
  const reset = await findPasswordReset(db, { token, now });
  if (!reset) throw invalidLink();
  // Checked before the link is consumed, so a refused password does not cost the person their link.
  const problem = checkPassword(password, reset.user);
  if (problem) {
    throw new AppError("BAD_REQUEST", "password refused", {
      messageKey: `security.passwordProblems.${problem}`,
      messageValues: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
      field: "password",
    });
  }
  const passwordHash = await hashPassword(password);

  const messageId = await db.$transaction(async (tx) => {
    // The conditional UPDATE is what makes the link single-use: of two submissions racing, one wins.
    const { count } = await tx.verificationCode.updateMany({
      where: { id: reset.codeId, purpose: "PASSWORD_RESET", consumedAt: null, expiresAt: { gt: now } },
      data: { consumedAt: now, attempts: { increment: 1 } },
    });
    if (count !== 1) throw invalidLink();
    await tx.user.update({ where: { id: reset.user.id }, data: { passwordHash, passwordChangedAt: now }, select: { id: true } });
    await revokeAllSessions(tx, reset.user.id);
    await recordSecurityEvent(tx, { userId: reset.user.id, kind: "PASSWORD_RESET_COMPLETED", context: ctx });
    return queueSecurityMail(tx, { to: reset.user, template: "passwordChanged" });
  });
  deliver(messageId);
}
