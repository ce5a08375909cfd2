import "server-only";
import { createHmac, hkdfSync, randomInt } from "node:crypto";
import { getConfig } from "@/lib/server/config";
import type { Db } from "@/lib/server/db";

/**
 * Recovery codes: ten single-use codes shown once, for the day the authenticator app is lost.
 *
 * - 10 characters of Crockford's base32 (no I, L, O, U: nothing to confuse when read off paper), 50 bits
 *   each: far beyond guessing under the sign-in rate limits.
 * - Only a keyed hash is stored: HMAC-SHA256 under a key derived from AUTH_SECRET. A plain hash of a
 *   50-bit code could be brute-forced offline from a database dump; without the key it cannot.
 * - Consumed by one conditional UPDATE, so two concurrent sign-ins cannot both use one code.
 */

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 10;
export const RECOVERY_CODE_COUNT = 10;

export type RecoveryCodeKeyOptions = {
  /** The HMAC key; derived from the configured AUTH_SECRET unless given (tests). */
  hmacKey?: Buffer;
};

/** Its own key rather than AUTH_SECRET itself, so no other use of that secret can produce these hashes. */
function defaultHmacKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", getConfig().authSecret, "", "recovery-codes", 32));
}

function hashCode(normalised: string, hmacKey: Buffer | undefined): string {
  return createHmac("sha256", hmacKey ?? defaultHmacKey())
    .update(normalised)
    .digest("hex");
}

/**
 * Upper-case, without spaces or dashes, so "abcde fghjk" and "ABCDE-FGHJK" are one code. As in
 * Crockford's base32, I and L read as 1 and O as 0: those letters never appear in a code, so a person
 * who misreads one still gets in. Null when it cannot be a code, so nothing is hashed or queried.
 */
function normaliseRecoveryCode(code: string): string | null {
  const normalised = code
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  return new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`).test(normalised) ? normalised : null;
}

function newCode(): string {
  // randomInt draws from the CSPRNG without modulo bias.
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/**
 * Replaces the person's recovery codes with ten new ones and returns them, formatted "XXXXX-XXXXX",
 * to be shown once: they cannot be read back. The old codes stop working in the same transaction.
 */
export async function generateRecoveryCodes(db: Db, { userId, hmacKey }: { userId: string } & RecoveryCodeKeyOptions): Promise<string[]> {
  const key = hmacKey ?? defaultHmacKey();
  const codes = new Set<string>();
  // A repeat among ten 50-bit codes is all but impossible; the set keeps the unique index safe anyway.
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(newCode());
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: [...codes].map((code) => ({ userId, codeHash: hashCode(code, key) })) }),
  ]);
  return [...codes].map((code) => `${code.slice(0, 5)}-${code.slice(5)}`);
}

/** True once per code: the UPDATE's condition on usedAt is what makes a code single-use. */
export async function consumeRecoveryCode(
  db: Pick<Db, "recoveryCode">,
  { userId, code, hmacKey, now = new Date() }: { userId: string; code: string; now?: Date } & RecoveryCodeKeyOptions,
): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (normalised === null) return false;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashCode(normalised, hmacKey), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

/** For the security page, and to suggest new codes when few are left. */
export function countRemainingRecoveryCodes(db: Pick<Db, "recoveryCode">, userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
