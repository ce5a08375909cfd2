import "server-only";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { isLocked, recordFailedSignIn } from "./account-lockout";
import { checkPassword } from "./check-password";
import { hashPassword, verifyPassword } from "./password-hash";
import { recordSecurityEvent } from "./record-security-event";
import type { Deliver } from "./security-settings/deliver";
import { queueSecurityMail } from "./security-settings/queue-security-mail";
import { revokeOtherSessions } from "./sessions/revoke-sessions";

/**
 * Changes the password of a signed-in, recently re-authenticated person. The current password is
 * asked again (ASVS 6.2.3) and a wrong one counts towards the lockout. Every OTHER session ends: if
 * the change is because the password leaked, whoever used it is out at once. Pending reset links die
 * too. The owner is told by mail.
 */
export async function changePassword(
  ctx: SignedInCtx,
  {
    keepSessionId,
    currentPassword,
    newPassword,
    deliver = afterCommitDeliver,
  }: {
    keepSessionId: string;
    currentPassword: string;
    newPassword: string;
    deliver?: Deliver;
  },
): Promise<{ otherSessionsEnded: number }> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  const now = ctx.now();
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, firstName: true, lastName: true, locale: true, lockedUntil: true, passwordHash: true },
  });
  if (isLocked(user)) throw new AppError("RATE_LIMITED", "password change while locked", { messageKey: "security.reauth.locked" });
  const currentOk =
    currentPassword.length <= PASSWORD_MAX_LENGTH * 4 &&
    user.passwordHash !== null &&
    (await verifyPassword(user.passwordHash, currentPassword));
  if (!currentOk) {
    await recordFailedSignIn(db, userId);
    throw new AppError("BAD_REQUEST", "wrong current password", { messageKey: "security.password.wrongCurrent", field: "currentPassword" });
  }
  const problem = checkPassword(newPassword, user);
  if (problem) {
    throw new AppError("BAD_REQUEST", "password refused", {
      messageKey: `security.passwordProblems.${problem}`,
      messageValues: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
      field: "newPassword",
    });
  }
  const passwordHash = await hashPassword(newPassword);

  const { ended, messageId } = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now }, select: { id: true } });
    const ended = await revokeOtherSessions(tx, { userId, keepSessionId });
    await tx.verificationCode.updateMany({ where: { userId, purpose: "PASSWORD_RESET", consumedAt: null }, data: { consumedAt: now } });
    await recordSecurityEvent(tx, { userId, kind: "PASSWORD_CHANGED", context: ctx });
    return { ended, messageId: await queueSecurityMail(tx, { to: user, template: "passwordChanged" }) };
  });
  deliver(messageId);
  return { otherSessionsEnded: ended };
}
