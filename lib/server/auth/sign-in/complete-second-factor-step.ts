import "server-only";
import { ENROLMENT_METHODS, type SecondFactorInput, type SignInErrorCode } from "@/lib/auth/second-factor-input";
import type { Db } from "@/lib/server/db";
import { consumeAbuseLimit } from "../abuse-limits";
import { isLocked, needsSupportUnlock, recordFailedSignIn, recordSuccessfulSignIn } from "../account-lockout";
import { checkSecondFactor } from "./check-second-factor";
import { recordSecurityEvent, type RequestContext } from "../record-security-event";
import { completeSecondFactor } from "../sessions/create-session";
import { validateSession } from "../sessions/validate-session";

export type SecondFactorStepResult = { ok: true; token: string; userId: string } | { ok: false; error: SignInErrorCode };

/**
 * Step two of signing in: from a half session (password checked) to a full one under a new token.
 * Wrong codes count towards the same lockout as wrong passwords; the lockout is reported here,
 * since whoever got this far already knew the password.
 */
export async function completeSecondFactorStep(
  db: Db,
  { halfToken, input, context }: { halfToken: string | undefined; input: SecondFactorInput; context: RequestContext },
): Promise<SecondFactorStepResult> {
  const half = await validateSession(db, { token: halfToken });
  if (!half || half.stage !== "PASSWORD_VERIFIED" || !halfToken) return { ok: false, error: "SESSION_EXPIRED" };
  const userId = half.user.id;

  const limit = await consumeAbuseLimit(db, { action: "secondFactor", subject: userId, ipAddress: context.ip });
  if (!limit.allowed) return { ok: false, error: "RATE_LIMITED" };
  const account = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { lockedUntil: true } });
  if (isLocked(account)) return { ok: false, error: needsSupportUnlock(account) ? "LOCKED_SUPPORT" : "LOCKED" };

  if (ENROLMENT_METHODS.has(input.method)) {
    const confirmed = await db.authFactor.count({ where: { userId, confirmedAt: { not: null } } });
    if (confirmed > 0) return { ok: false, error: "INVALID_CODE" };
  }

  const passed = await checkSecondFactor(db, { userId, input, context });
  if (!passed) {
    const failure = await recordFailedSignIn(db, userId);
    await recordSecurityEvent(db, { userId, kind: "LOGIN_SECOND_FACTOR_FAILED", context });
    if (failure.lockedUntil) {
      await recordSecurityEvent(db, { userId, kind: "ACCOUNT_LOCKED", context });
      return { ok: false, error: needsSupportUnlock(failure) ? "LOCKED_SUPPORT" : "LOCKED" };
    }
    return { ok: false, error: "INVALID_CODE" };
  }

  const full = await completeSecondFactor(db, { halfToken });
  if (!full) return { ok: false, error: "SESSION_EXPIRED" };
  await recordSuccessfulSignIn(db, userId);
  if (ENROLMENT_METHODS.has(input.method)) await recordSecurityEvent(db, { userId, kind: "FACTOR_ENROLLED", context });
  if (input.method === "recovery") await recordSecurityEvent(db, { userId, kind: "RECOVERY_CODE_USED", context });
  await recordSecurityEvent(db, { userId, kind: "LOGIN_SECOND_FACTOR_SUCCEEDED", context });
  return { ok: true, token: full.token, userId };
}
