import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getConfig } from "@/lib/server/config";

/**
 * Encryption at rest for the few secrets the server must read back (TOTP shared secrets): a database
 * dump without the master key yields nothing usable.
 *
 * Format: version (1 byte, 1) | IV (12 bytes) | ciphertext | GCM tag (16 bytes).
 * - AES-256-GCM authenticates as well as encrypts, so a modified blob is refused, not misread.
 * - A fresh random IV per call: GCM is broken by IV reuse under one key, and equal plaintexts must not
 *   give equal ciphertexts (nothing to learn by comparing rows).
 * - `aad` names the purpose and owner (e.g. `totp:<userId>`). It is authenticated, not stored, so a blob
 *   copied into another person's row, or used for another purpose, fails to decrypt.
 * - The version byte lets a later format (another algorithm, a key identifier) coexist with this one.
 *
 * Rotating the master key: with the old and the new key both at hand, read every encrypted column,
 * decrypt with the old key and encrypt with the new one (same aad), in one transaction, then start the
 * app with the new MASTER_KEY. A later issue adds the command; the `key` option is what it needs.
 * Should rotation ever have to happen without downtime, a new version byte carrying a key identifier
 * would let both keys be tried during the change-over.
 */

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export type EncryptionOptions = {
  /** What the ciphertext is for and whose it is; must be given again, identical, to decrypt. */
  aad: string;
  /** 32 bytes; the configured master key unless given (tests, key rotation). */
  key?: Buffer;
};

/** Thrown for anything that cannot be decrypted; deliberately says nothing about which check failed. */
export class DecryptionError extends Error {
  override name = "DecryptionError";
}

function resolveKey(key: Buffer | undefined): Buffer {
  const resolved = key ?? getConfig().masterKey;
  // A short key would silently select a weaker AES, or make node throw a less helpful error.
  if (resolved.length !== KEY_BYTES) throw new Error(`The encryption key must be ${KEY_BYTES} bytes.`);
  return resolved;
}

export function encrypt(plaintext: Buffer, { aad, key }: EncryptionOptions): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", resolveKey(key), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, ciphertext, cipher.getAuthTag()]);
}

export function decrypt(blob: Buffer | Uint8Array, { aad, key }: EncryptionOptions): Buffer {
  const data = Buffer.isBuffer(blob) ? blob : Buffer.from(blob);
  const resolvedKey = resolveKey(key);
  if (data.length < 1 + IV_BYTES + TAG_BYTES) throw new DecryptionError("Cannot decrypt: the data is truncated.");
  if (data[0] !== VERSION) throw new DecryptionError(`Cannot decrypt: unknown format version ${data[0]}.`);
  const iv = data.subarray(1, 1 + IV_BYTES);
  const tag = data.subarray(data.length - TAG_BYTES);
  const ciphertext = data.subarray(1 + IV_BYTES, data.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", resolvedKey, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // GCM cannot tell a wrong key from a wrong aad from a modified byte, and neither should the caller.
    throw new DecryptionError("Cannot decrypt: wrong key, wrong purpose or owner, or modified data.");
  }
}
