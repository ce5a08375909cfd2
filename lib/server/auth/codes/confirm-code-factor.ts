import "server-only";
import type { Db } from "@/lib/server/db";
import { CODE_FACTOR_KINDS } from "./code-factor-kinds";
import { checkCode, type CodeKeyOptions } from "./one-time-codes";

/**
 * Completes the enrolment of an e-mail or SMS factor: the code sent to it proves the person receives
 * what goes there. Only the latest enrolment code counts, and only for the factor it was sent for.
 */
export async function confirmCodeFactor(
  db: Pick<Db, "verificationCode" | "authFactor">,
  { userId, factorId, code, now = new Date(), hmacKey }: { userId: string; factorId: string; code: string; now?: Date } & CodeKeyOptions,
): Promise<boolean> {
  // userId in the query: a person can only confirm their own factor, whatever factorId the form sent.
  const factor = await db.authFactor.findFirst({
    where: { id: factorId, userId, kind: { in: CODE_FACTOR_KINDS }, confirmedAt: null },
    select: { id: true },
  });
  if (!factor) return false;
  const result = await checkCode(db, { userId, purpose: "FACTOR_ENROLMENT", code, now, hmacKey });
  if (!result.ok || result.target !== factor.id) return false;
  // Conditional on still being unconfirmed: two confirmations racing (double submit) confirm once.
  const { count } = await db.authFactor.updateMany({
    where: { id: factor.id, userId, confirmedAt: null },
    data: { confirmedAt: now, lastUsedAt: now },
  });
  return count === 1;
}
