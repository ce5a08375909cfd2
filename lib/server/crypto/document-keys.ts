import "server-only";
import { randomBytes } from "node:crypto";
import { decrypt, encrypt } from "./encryption";

/**
 * Envelope encryption of the vault's files: each document's file is encrypted with its own random
 * 32-byte data key (stream-encryption.ts), and only that key, wrapped by the master key, is stored
 * with the document's row. So:
 * - a copy of the storage alone, or of the database alone, decrypts nothing;
 * - erasing a document's row erases its key: whatever survives in backups or a versioned bucket
 *   stays unreadable (crypto-shredding);
 * - rotating the master key re-wraps a 61-byte value per document instead of re-encrypting files.
 *
 * The wrapped key uses encryption.ts's format (version | IV | ciphertext | tag, 61 bytes in all) with
 * aad `document-key:<documentId>`: a wrapped key copied onto another document's row does not unwrap.
 *
 * Rotating the master key (MASTER_KEY):
 * 1. Generate the new key (`openssl rand -base64 32`); keep the old one until the end.
 * 2. With the app stopped (or its writes paused), for every document, in batches, each batch in one
 *    transaction: `wrappedKey = rewrapDocumentKey(wrappedKey, { oldKey, newKey, documentId })`.
 *    The files are not touched: their data keys do not change.
 *    Do the same for the other columns encrypted under the master key (encryption.ts: TOTP secrets).
 * 3. Start the app with the new MASTER_KEY, check that a few documents open, then destroy the old key.
 * A batch interrupted by a crash has either committed (new key) or not (old key); rerunning is safe as
 * long as each row is tried with the new key first (`unwrapDocumentKey` with `masterKey: newKey`), and
 * skipped when that succeeds. Rotating without downtime would need a key identifier in the wrapped
 * value (a new format version) so that both keys can be tried during the change-over.
 */

const DATA_KEY_BYTES = 32;

export type WrapOptions = {
  documentId: string;
  /** The configured master key unless given (tests, rotation). */
  masterKey?: Buffer;
};

/** A fresh data key for one document's file. Never stored as is: wrap it. */
export function generateDocumentKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function wrapDocumentKey(dataKey: Buffer, { documentId, masterKey }: WrapOptions): Buffer {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error(`A document key must be ${DATA_KEY_BYTES} bytes.`);
  return encrypt(dataKey, { aad: aadFor(documentId), key: masterKey });
}

/** Throws DecryptionError for a wrong master key, another document's wrapped key, or a modified one. */
export function unwrapDocumentKey(wrapped: Buffer | Uint8Array, { documentId, masterKey }: WrapOptions): Buffer {
  const dataKey = decrypt(wrapped, { aad: aadFor(documentId), key: masterKey });
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error(`A document key must be ${DATA_KEY_BYTES} bytes.`);
  return dataKey;
}

/** Master key rotation: the same data key, wrapped by `newKey` instead of `oldKey`. */
export function rewrapDocumentKey(
  wrapped: Buffer | Uint8Array,
  { oldKey, newKey, documentId }: { oldKey: Buffer; newKey: Buffer; documentId: string },
): Buffer {
  const dataKey = unwrapDocumentKey(wrapped, { documentId, masterKey: oldKey });
  try {
    return wrapDocumentKey(dataKey, { documentId, masterKey: newKey });
  } finally {
    dataKey.fill(0);
  }
}

function aadFor(documentId: string): string {
  if (!documentId) throw new Error("A document key is bound to a document id.");
  return `document-key:${documentId}`;
}
