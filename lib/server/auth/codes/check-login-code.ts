import "server-only";
import type { Db } from "@/lib/server/db";
import { CODE_FACTOR_KINDS } from "./code-factor-kinds";
import { checkCode, type CodeKeyOptions } from "./one-time-codes";

/**
 * The second step of signing in with a code received by e-mail or SMS. The code names the factor it
 * was sent through (its target), and that factor must still be a confirmed one of this account: a
 * code sent just before the factor was removed proves nothing any more.
 */
export async function checkLoginCode(
  db: Pick<Db, "verificationCode" | "authFactor">,
  { userId, code, now = new Date(), hmacKey }: { userId: string; code: string; now?: Date } & CodeKeyOptions,
): Promise<boolean> {
  const result = await checkCode(db, { userId, purpose: "LOGIN_OTP", code, now, hmacKey });
  if (!result.ok || !result.target) return false;
  const { count } = await db.authFactor.updateMany({
    where: { id: result.target, userId, kind: { in: CODE_FACTOR_KINDS }, confirmedAt: { not: null } },
    data: { lastUsedAt: now },
  });
  return count === 1;
}
