import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes, type DecipherGCM } from "node:crypto";
import { Transform, Writable, pipeline, type Readable } from "node:stream";
import { pipeline as pipelineAsync } from "node:stream/promises";
import { DecryptionError } from "./encryption";

/**
 * Streaming AES-256-GCM for the vault's files, with the document's own data key (document-keys.ts).
 *
 * Stored format: version (1 byte, 1) | IV (12 bytes) | ciphertext | GCM tag (16 bytes). The same
 * layout as encryption.ts, so one description fits both; the ciphertext is exactly as long as the
 * file (GCM is a stream mode), hence a stored size of `plaintext + ENCRYPTION_OVERHEAD_BYTES`.
 * Both directions are Transforms that hold at most one chunk plus 16 bytes: memory stays flat
 * whatever the file's size. One IV per file (the data key is used for that file only); GCM allows
 * up to 64 GiB under one IV, far above any upload limit.
 *
 * GCM authenticates only at the end. The decrypting stream passes on plaintext as it goes and learns
 * whether the file is intact only after the last byte; a failed check is then an `error` event, never
 * a clean end. So whoever consumes it must treat a late error as a failed read:
 * - the download route must abort the response (error the body stream / destroy the socket), never
 *   end it normally, so that the browser reports an incomplete download; sending `Content-Length`
 *   (the document's size) makes the truncation unmistakable to every client;
 * - nothing derived from the bytes (a hash, extracted text, a thumbnail) may be kept unless the
 *   stream ended without error. `digestDecrypted` below is the shape to follow.
 */

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const HEADER_BYTES = 1 + IV_BYTES;

/** How many bytes encryption adds to a file: the header and the tag. */
export const ENCRYPTION_OVERHEAD_BYTES = HEADER_BYTES + TAG_BYTES;

export type StreamEncryptionOptions = {
  /** The document's 32-byte data key. */
  key: Buffer;
  /** Authenticated, not stored: the same value must be given to decrypt (e.g. `document-file:<documentId>`). */
  aad: string;
};

/** Plaintext in, stored format out. */
export function createEncryptStream({ key, aad }: StreamEncryptionOptions): Transform {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, cipher.update(chunk));
    },
    flush(callback) {
      const last = cipher.final();
      if (last.length > 0) this.push(last);
      callback(null, cipher.getAuthTag());
    },
  });
  // Queued before any ciphertext, so even an empty file has its header.
  stream.push(Buffer.concat([Buffer.of(VERSION), iv]));
  return stream;
}

/**
 * Stored format in, plaintext out; errors with DecryptionError (wrong key or aad, modified or
 * truncated data, unknown version). Read the module comment: the error may come after the last byte.
 */
export function createDecryptStream({ key, aad }: StreamEncryptionOptions): Transform {
  checkKey(key);
  let header = Buffer.alloc(0);
  let decipher: DecipherGCM | undefined;
  // The last TAG_BYTES seen: until the input ends, they may be the tag, so they are not deciphered yet.
  let tail = Buffer.alloc(0);

  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let data = chunk;
      if (!decipher) {
        const missing = HEADER_BYTES - header.length;
        header = Buffer.concat([header, data.subarray(0, missing)]);
        data = data.subarray(missing);
        if (header.length < HEADER_BYTES) return callback();
        if (header[0] !== VERSION) return callback(new DecryptionError(`Cannot decrypt: unknown format version ${header[0]}.`));
        decipher = createDecipheriv("aes-256-gcm", key, header.subarray(1), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(aad, "utf8"));
      }
      if (data.length >= TAG_BYTES) {
        if (tail.length > 0) this.push(decipher.update(tail));
        const body = data.subarray(0, data.length - TAG_BYTES);
        // A copy, so the held-back bytes do not keep the whole chunk alive.
        tail = Buffer.from(data.subarray(data.length - TAG_BYTES));
        return callback(null, decipher.update(body));
      }
      const held = Buffer.concat([tail, data]);
      const release = Math.max(0, held.length - TAG_BYTES);
      tail = held.subarray(release);
      callback(null, release > 0 ? decipher.update(held.subarray(0, release)) : undefined);
    },
    flush(callback) {
      if (!decipher || tail.length < TAG_BYTES) return callback(new DecryptionError("Cannot decrypt: the data is truncated."));
      decipher.setAuthTag(tail);
      let last: Buffer;
      try {
        last = decipher.final();
      } catch {
        // As in encryption.ts: no hint as to which check failed.
        return callback(new DecryptionError("Cannot decrypt: wrong key, wrong purpose or owner, or modified data."));
      }
      callback(null, last.length > 0 ? last : undefined);
    },
  });
}

/**
 * The plaintext of a stored stream (e.g. from BlobStorage.openRead), tied to it both ways: an error
 * of the source (a broken connection, a missing file) reaches the returned stream, and destroying the
 * returned stream (a client gone mid-download) closes the source.
 */
export function decryptingReader(source: Readable, options: StreamEncryptionOptions): Readable {
  // The callback is required by the API; the error itself reaches the reader through the last stream.
  return pipeline(source, createDecryptStream(options), () => {});
}

/**
 * Size and SHA-256 of the plaintext of a stored stream, resolved only once the tag has been checked
 * (the reconciler re-hashes stored files with it and compares with the document's recorded hash).
 */
export async function digestDecrypted(source: Readable, options: StreamEncryptionOptions): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  await pipelineAsync(
    source,
    createDecryptStream(options),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback();
      },
    }),
  );
  return { size, sha256: hash.digest("hex") };
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`The encryption key must be ${KEY_BYTES} bytes.`);
}
