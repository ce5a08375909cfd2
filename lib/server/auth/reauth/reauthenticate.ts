import "server-only";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { checkLoginCode } from "../codes/check-login-code";
import { verifyPasskeySignIn } from "../passkeys/verify-passkey-sign-in";
import { consumeAbuseLimit } from "../abuse-limits";
import { isLocked, recordFailedSignIn, recordSuccessfulSignIn } from "../account-lockout";
import { verifyPassword } from "../password-hash";
import { recordSecurityEvent } from "../record-security-event";
import { consumeRecoveryCode } from "../recovery-codes";
import { verifyTotp } from "../totp/verify-totp";

export type ReauthenticationMethod = "totp" | "recovery" | "otp" | "passkey";

function checkFactor(
  db: Db,
  { userId, method, code, now }: { userId: string; method: ReauthenticationMethod; code: string; now: Date },
): Promise<boolean> {
  switch (method) {
    case "totp":
      return verifyTotp(db, { userId, code, now });
    case "recovery":
      return consumeRecoveryCode(db, { userId, code, now });
    // A sign-in code sent by e-mail or SMS (sendLoginCode): the same proof as at the second step.
    case "otp":
      return checkLoginCode(db, { userId, code, now });
    // The browser's assertion (JSON) for a challenge from startPasskeyReauthentication.
    case "passkey":
      return verifyPasskeySignIn(db, { userId, response: code });
  }
}

/**
 * "Confirm it is you" before a sensitive change (ASVS 7.5.1): the password and a second factor again,
 * on a session that is already full. Success makes THIS session's sign-in recent (authenticatedAt),
 * which is what defineAction's `recentAuthentication` checks. Failures count towards the same lockout
 * and rate limits as signing in: a stolen session must not become a free guessing oracle.
 */
export async function reauthenticate(
  ctx: SignedInCtx,
  { sessionId, password, method, code }: { sessionId: string; password: string; method: ReauthenticationMethod; code: string },
): Promise<void> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  const now = ctx.now();
  const limit = await consumeAbuseLimit(db, { action: "secondFactor", subject: userId, ipAddress: ctx.ip });
  if (!limit.allowed) throw new AppError("RATE_LIMITED");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, lockedUntil: true } });
  if (isLocked(user)) throw new AppError("RATE_LIMITED", "reauthentication while locked", { messageKey: "security.reauth.locked" });

  // The factor is tried only after the right password, so a wrong password never spends a recovery code.
  const passwordOk =
    password.length <= PASSWORD_MAX_LENGTH * 4 && user.passwordHash !== null && (await verifyPassword(user.passwordHash, password));
  const factorOk = passwordOk && (await checkFactor(db, { userId, method, code, now }));
  if (!factorOk) {
    const failure = await recordFailedSignIn(db, userId);
    await recordSecurityEvent(db, { userId, kind: passwordOk ? "LOGIN_SECOND_FACTOR_FAILED" : "LOGIN_PASSWORD_FAILED", context: ctx });
    if (failure.lockedUntil) {
      await recordSecurityEvent(db, { userId, kind: "ACCOUNT_LOCKED", context: ctx });
      throw new AppError("RATE_LIMITED", "reauthentication locked the account", { messageKey: "security.reauth.locked" });
    }
    throw new AppError("BAD_REQUEST", "reauthentication failed", { messageKey: "security.reauth.invalid" });
  }

  const { count } = await db.session.updateMany({
    where: { id: sessionId, userId, stage: "FULL", expiresAt: { gt: now } },
    data: { authenticatedAt: now, lastSeenAt: now },
  });
  if (count !== 1) throw new AppError("UNAUTHENTICATED");
  await recordSuccessfulSignIn(db, userId);
  if (method === "recovery") await recordSecurityEvent(db, { userId, kind: "RECOVERY_CODE_USED", context: ctx });
  await recordSecurityEvent(db, { userId, kind: "REAUTHENTICATED", context: ctx });
}
