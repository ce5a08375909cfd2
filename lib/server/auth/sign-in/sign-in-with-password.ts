import "server-only";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import type { Ctx } from "@/lib/server/context/ctx";
import { consumeAbuseLimit } from "../abuse-limits";
import { isLocked, needsSupportUnlock, recordFailedSignIn } from "../account-lockout";
import { verifyPassword, verifyPasswordAgainstDummy } from "../password-hash";
import { recordSecurityEvent } from "../record-security-event";
import { startPasswordSession } from "../sessions/create-session";
import { sendEmailVerificationCode } from "../sign-up/send-email-verification";

export type PasswordSignInError =
  "INVALID_CREDENTIALS" | "RATE_LIMITED" | "LOCKED" | "LOCKED_SUPPORT" | "EMAIL_NOT_VERIFIED" | "ACCOUNT_DISABLED";
export type PasswordSignInResult = { ok: true; token: string; userId: string } | { ok: false; error: PasswordSignInError };

/**
 * Step one of signing in. The answer for an unknown address, a wrong password and a locked or
 * disabled account without the right password is the same INVALID_CREDENTIALS after the same argon2
 * work, so neither the response nor its timing tells whether an address has an account (ASVS 6.3.8).
 * Only someone who typed the right password learns more (locked, disabled, not yet confirmed).
 *
 * Failures count towards the lockout; they are reset only after the SECOND factor, or a password
 * guesser who knew one factor could keep the counter at zero.
 */
export async function signInWithPassword(
  ctx: Ctx,
  { email, password }: { email: string; password: string },
): Promise<PasswordSignInResult> {
  const { db } = ctx;
  const address = email.trim().toLowerCase();
  const limit = await consumeAbuseLimit(db, { action: "signIn", subject: address, ipAddress: ctx.ip });
  if (!limit.allowed) return { ok: false, error: "RATE_LIMITED" };
  // Longer than any accepted password: refuse before argon2 so nobody makes the server hash megabytes.
  if (password.length > PASSWORD_MAX_LENGTH * 4) {
    await verifyPasswordAgainstDummy("");
    return { ok: false, error: "INVALID_CREDENTIALS" };
  }

  const user = await db.user.findUnique({
    where: { email: address },
    select: { id: true, email: true, firstName: true, locale: true, status: true, lockedUntil: true, passwordHash: true },
  });
  if (!user?.passwordHash || user.status === "CLOSED") {
    await verifyPasswordAgainstDummy(password);
    return { ok: false, error: "INVALID_CREDENTIALS" };
  }

  const correct = await verifyPassword(user.passwordHash, password);
  if (isLocked(user)) {
    // A locked account checks nothing new and counts nothing: only the owner's right password
    // learns that it is locked, and for how long.
    if (!correct) return { ok: false, error: "INVALID_CREDENTIALS" };
    return { ok: false, error: needsSupportUnlock(user) ? "LOCKED_SUPPORT" : "LOCKED" };
  }
  if (!correct) {
    const failure = await recordFailedSignIn(db, user.id);
    await recordSecurityEvent(db, { userId: user.id, kind: "LOGIN_PASSWORD_FAILED", context: ctx });
    if (failure.lockedUntil) await recordSecurityEvent(db, { userId: user.id, kind: "ACCOUNT_LOCKED", context: ctx });
    return { ok: false, error: "INVALID_CREDENTIALS" };
  }
  if (user.status === "DISABLED") return { ok: false, error: "ACCOUNT_DISABLED" };
  if (user.status === "PENDING_VERIFICATION") {
    await sendEmailVerificationCode(ctx, { user });
    return { ok: false, error: "EMAIL_NOT_VERIFIED" };
  }

  const session = await startPasswordSession(db, { userId: user.id, context: ctx, now: ctx.now() });
  await recordSecurityEvent(db, { userId: user.id, kind: "LOGIN_PASSWORD_SUCCEEDED", context: ctx });
  return { ok: true, token: session.token, userId: user.id };
}
