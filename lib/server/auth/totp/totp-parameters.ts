import "server-only";
import * as OTPAuth from "otpauth";
import { decrypt, encrypt } from "@/lib/server/crypto/encryption";

/**
 * What every authenticator app supports (Google Authenticator ignores anything else): HMAC-SHA1,
 * 6 digits, 30-second steps. SHA1 is fine here: HOTP relies on HMAC, not on collision resistance.
 */
export const TOTP_ALGORITHM = "SHA1";
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** One step either side: tolerates a phone clock a little off and a code typed as it changes. */
export const TOTP_WINDOW = 1;
/** RFC 4226 recommends 160 bits, and requires at least 128. */
export const TOTP_SECRET_BYTES = 20;
export const TOTP_MIN_SECRET_BYTES = 16;

export type TotpKeyOptions = {
  /** The key secrets are encrypted under; the configured master key unless given (tests). */
  masterKey?: Buffer;
};

/** Binds an encrypted secret to its owner: copied into another person's factor, it fails to decrypt. */
function secretAad(userId: string): string {
  return `totp:${userId}`;
}

/** Returned as a plain Uint8Array: what Prisma's Bytes columns take. */
export function encryptTotpSecret(secret: Uint8Array, userId: string, masterKey?: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encrypt(Buffer.from(secret), { aad: secretAad(userId), key: masterKey }));
}

export function decryptTotpSecret(blob: Uint8Array, userId: string, masterKey?: Buffer): OTPAuth.Secret {
  const bytes = decrypt(Buffer.from(blob), { aad: secretAad(userId), key: masterKey });
  // Copied into its own ArrayBuffer: a Buffer may be a view into Node's shared pool.
  return new OTPAuth.Secret({ buffer: new Uint8Array(bytes).buffer });
}

export function buildTotp(secret: OTPAuth.Secret, { issuer = "", label = "" }: { issuer?: string; label?: string } = {}) {
  return new OTPAuth.TOTP({ issuer, label, algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret });
}

/**
 * People type codes as their app shows them ("123 456"); anything but digits and spaces is refused
 * outright. Returns null when the input cannot be a code, so no secret is ever tried against it.
 */
export function normaliseTotpCode(code: string): string | null {
  const digits = code.replace(/\s+/g, "");
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(digits) ? digits : null;
}

/**
 * The time step a code belongs to, or null when it matches none within the window. Stored as
 * lastUsedStep, it is what makes each code single-use.
 */
export function matchingStep(secret: OTPAuth.Secret, code: string, now: Date): number | null {
  const timestamp = now.getTime();
  const delta = buildTotp(secret).validate({ token: code, timestamp, window: TOTP_WINDOW });
  if (delta === null) return null;
  return OTPAuth.TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp }) + delta;
}
