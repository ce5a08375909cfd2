import "server-only";
import { timingSafeEqual } from "node:crypto";
import * as OTPAuth from "otpauth";
import type { Db } from "@/lib/server/db";
import { decryptTotpSecret, encryptTotpSecret, TOTP_MIN_SECRET_BYTES, type TotpKeyOptions } from "./totp-parameters";

/**
 * For the demo seed: a CONFIRMED authenticator factor with a secret known in advance, so a newcomer can
 * add the published secret to an app and sign in to the demo accounts. Idempotent: when the person
 * already has this secret enrolled, nothing is created (the seed runs at every start).
 * Nothing else should use it: a real enrolment must prove the app holds the secret.
 */
export async function enrolTotpWithSecret(
  db: Pick<Db, "authFactor">,
  { userId, secretBase32, label, masterKey }: { userId: string; secretBase32: string; label?: string } & TotpKeyOptions,
): Promise<{ factorId: string; created: boolean }> {
  const secret = OTPAuth.Secret.fromBase32(secretBase32.replace(/\s+/g, "").toUpperCase());
  if (secret.bytes.length < TOTP_MIN_SECRET_BYTES) {
    throw new Error(`A TOTP secret must be at least ${TOTP_MIN_SECRET_BYTES} bytes (RFC 4226).`);
  }
  const existing = await db.authFactor.findMany({
    where: { userId, kind: "TOTP", confirmedAt: { not: null }, secretEncrypted: { not: null } },
    select: { id: true, secretEncrypted: true },
  });
  // The blobs have random IVs, so the only way to recognise the secret is to decrypt each one.
  for (const factor of existing) {
    const stored = decryptTotpSecret(factor.secretEncrypted!, userId, masterKey).bytes;
    if (stored.length === secret.bytes.length && timingSafeEqual(stored, secret.bytes)) return { factorId: factor.id, created: false };
  }
  const factor = await db.authFactor.create({
    data: {
      userId,
      kind: "TOTP",
      label: label?.slice(0, 100) ?? null,
      secretEncrypted: encryptTotpSecret(secret.bytes, userId, masterKey),
      confirmedAt: new Date(),
    },
    select: { id: true },
  });
  return { factorId: factor.id, created: true };
}
