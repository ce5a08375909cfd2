import "server-only";
import { ENROLMENT_METHODS, type SecondFactorInput, type SignInErrorCode } from "@/lib/auth/second-factor-input";
import type { Ctx } from "@/lib/server/context/ctx";
import { consumeAbuseLimit } from "../abuse-limits";
import { isLocked, needsSupportUnlock, recordFailedSignIn, recordSuccessfulSignIn } from "../account-lockout";
import { checkSecondFactor } from "./check-second-factor";
import { recordSecurityEvent } from "../record-security-event";
import { completeSecondFactor } from "../sessions/create-session";
import { validateSession } from "../sessions/validate-session";

export type SecondFactorStepResult = { ok: true; token: string; userId: string } | { ok: false; error: SignInErrorCode };

/**
 * Step two of signing in: from a half session (password checked) to a full one under a new token.
 * Wrong codes count towards the same lockout as wrong passwords; the lockout is reported here,
 * since whoever got this far already knew the password.
 */
export async function completeSecondFactorStep(
  ctx: Ctx,
  { halfToken, input }: { halfToken: string | undefined; input: SecondFactorInput },
): Promise<SecondFactorStepResult> {
  const { db } = ctx;
  const half = await validateSession(db, { token: halfToken });
  if (!half || half.stage !== "PASSWORD_VERIFIED" || !halfToken) return { ok: false, error: "SESSION_EXPIRED" };
  const userId = half.user.id;

  const limit = await consumeAbuseLimit(db, { action: "secondFactor", subject: userId, ipAddress: ctx.ip });
  if (!limit.allowed) return { ok: false, error: "RATE_LIMITED" };
  const account = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { lockedUntil: true } });
  if (isLocked(account)) return { ok: false, error: needsSupportUnlock(account) ? "LOCKED_SUPPORT" : "LOCKED" };

  if (ENROLMENT_METHODS.has(input.method)) {
    const confirmed = await db.authFactor.count({ where: { userId, confirmedAt: { not: null } } });
    if (confirmed > 0) return { ok: false, error: "INVALID_CODE" };
  }

  const passed = await checkSecondFactor(db, { userId, input });
  if (!passed) {
    const failure = await recordFailedSignIn(db, userId);
    await recordSecurityEvent(db, { userId, kind: "LOGIN_SECOND_FACTOR_FAILED", context: ctx });
    if (failure.lockedUntil) {
      await recordSecurityEvent(db, { userId, kind: "ACCOUNT_LOCKED", context: ctx });
      return { ok: false, error: needsSupportUnlock(failure) ? "LOCKED_SUPPORT" : "LOCKED" };
    }
    return { ok: false, error: "INVALID_CODE" };
  }

  const full = await completeSecondFactor(db, { halfToken });
  if (!full) return { ok: false, error: "SESSION_EXPIRED" };
  await recordSuccessfulSignIn(db, userId);
  if (ENROLMENT_METHODS.has(input.method)) await recordSecurityEvent(db, { userId, kind: "FACTOR_ENROLLED", context: ctx });
  if (input.method === "recovery") await recordSecurityEvent(db, { userId, kind: "RECOVERY_CODE_USED", context: ctx });
  await recordSecurityEvent(db, { userId, kind: "LOGIN_SECOND_FACTOR_SUCCEEDED", context: ctx });
  return { ok: true, token: full.token, userId };
}
