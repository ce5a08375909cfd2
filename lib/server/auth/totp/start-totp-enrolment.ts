import "server-only";
import * as OTPAuth from "otpauth";
import { toString as qrCodeToString } from "qrcode";
import type { Db } from "@/lib/server/db";
import { buildTotp, encryptTotpSecret, TOTP_SECRET_BYTES, type TotpKeyOptions } from "./totp-parameters";

export type TotpEnrolment = {
  factorId: string;
  /** Shown as text too, for people who cannot scan (screen readers, a single device). */
  secretBase32: string;
  otpauthUri: string;
  /** The otpauth:// URI as a QR code, for the page to show. */
  qrSvg: string;
};

/**
 * First half of enrolling an authenticator app: a new secret, stored encrypted in an UNCONFIRMED factor
 * that no sign-in will use until confirmTotpEnrolment has seen a code from it (proof the app has it).
 * The caller must show the returned secret now: it is never readable again except by decrypting.
 */
export async function startTotpEnrolment(
  db: Db,
  { userId, accountLabel, issuer = "Espace santé", masterKey }: { userId: string; accountLabel: string; issuer?: string } & TotpKeyOptions,
): Promise<TotpEnrolment> {
  const secret = new OTPAuth.Secret({ size: TOTP_SECRET_BYTES });
  const secretEncrypted = encryptTotpSecret(secret.bytes, userId, masterKey);
  // An abandoned enrolment (page reloaded, app lost) leaves a half-made factor behind; only the latest
  // one may be confirmed, so a secret shown earlier, perhaps to someone else, is dead.
  const [, factor] = await db.$transaction([
    db.authFactor.deleteMany({ where: { userId, kind: "TOTP", confirmedAt: null } }),
    db.authFactor.create({ data: { userId, kind: "TOTP", secretEncrypted }, select: { id: true } }),
  ]);
  const otpauthUri = buildTotp(secret, { issuer, label: accountLabel }).toString();
  return {
    factorId: factor.id,
    secretBase32: secret.base32,
    otpauthUri,
    qrSvg: await qrCodeToString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 2 }),
  };
}
