import "server-only";
import type { Db } from "@/lib/server/db";
import { decryptTotpSecret, matchingStep, normaliseTotpCode, type TotpKeyOptions } from "./totp-parameters";

/**
 * Second half of enrolling an authenticator app: a correct code proves the app holds the secret, and
 * only then does the factor count. The confirming code's step is recorded as used, so someone watching
 * the screen cannot replay it at sign-in.
 */
export async function confirmTotpEnrolment(
  db: Pick<Db, "authFactor">,
  { userId, factorId, code, now = new Date(), masterKey }: { userId: string; factorId: string; code: string; now?: Date } & TotpKeyOptions,
): Promise<boolean> {
  const digits = normaliseTotpCode(code);
  if (digits === null) return false;
  // userId in the query: a person can only confirm their own enrolment, whatever factorId the form sent.
  const factor = await db.authFactor.findFirst({
    where: { id: factorId, userId, kind: "TOTP", confirmedAt: null },
    select: { id: true, secretEncrypted: true },
  });
  if (!factor?.secretEncrypted) return false;
  const step = matchingStep(decryptTotpSecret(factor.secretEncrypted, userId, masterKey), digits, now);
  if (step === null) return false;
  // Conditional on still being unconfirmed: two confirmations racing (double submit) confirm once.
  const { count } = await db.authFactor.updateMany({
    where: { id: factor.id, confirmedAt: null },
    data: { confirmedAt: now, lastUsedStep: step, lastUsedAt: now },
  });
  return count === 1;
}
