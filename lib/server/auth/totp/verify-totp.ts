import "server-only";
import type { Db } from "@/lib/server/db";
import { decryptTotpSecret, matchingStep, normaliseTotpCode, type TotpKeyOptions } from "./totp-parameters";

/**
 * The sign-in check: true when the code comes from one of the person's CONFIRMED authenticator apps and
 * its time step is later than the last one accepted for that app. Each code is accepted once
 * (ASVS 6.5.1), even when two requests carry it at the same moment.
 *
 * Counting failures, locking out and recording the security event are the caller's business.
 */
export async function verifyTotp(
  db: Pick<Db, "authFactor">,
  { userId, code, now = new Date(), masterKey }: { userId: string; code: string; now?: Date } & TotpKeyOptions,
): Promise<boolean> {
  const digits = normaliseTotpCode(code);
  if (digits === null) return false;
  const factors = await db.authFactor.findMany({
    where: { userId, kind: "TOTP", confirmedAt: { not: null }, secretEncrypted: { not: null } },
    select: { id: true, secretEncrypted: true },
    orderBy: { createdAt: "asc" },
  });
  for (const factor of factors) {
    const step = matchingStep(decryptTotpSecret(factor.secretEncrypted!, userId, masterKey), digits, now);
    if (step === null) continue;
    // The single conditional UPDATE is the replay guard: PostgreSQL re-checks the WHERE clause on the
    // row a concurrent request just updated, so of N requests with one code exactly one matches a row.
    // Reading lastUsedStep first and comparing in JavaScript would let them all through.
    const { count } = await db.authFactor.updateMany({
      where: { id: factor.id, confirmedAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
      data: { lastUsedStep: step, lastUsedAt: now },
    });
    if (count === 1) return true;
  }
  return false;
}
