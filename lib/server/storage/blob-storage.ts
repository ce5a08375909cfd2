import "server-only";
import type { Readable } from "node:stream";

/**
 * Where the vault's files live: the local filesystem (default) or S3-compatible object storage.
 *
 * The storage only ever holds ciphertext (lib/server/crypto/stream-encryption.ts): it never sees a
 * document's bytes, name or type, and a driver needs no server-side encryption of its own.
 *
 * Crash consistency (the upload pipeline's side): stream the encrypted upload into a file created in
 * `tempDir()`, then `putFile`, then commit the document row and its history row in one transaction.
 * Delete in the reverse order: the row first, the blob (`delete`) after the commit. Whatever a crash
 * leaves behind is then an unreferenced blob or a temporary file, which the reconciler finds with
 * `list` and `listStaleTemporaries`, never a row without its file.
 *
 * Keys are made by `newStorageKey` (storage-key.ts); every method refuses any other shape.
 * Errors are AppErrors: INTERNAL for a malformed key, CONFLICT when `putFile` meets an existing key,
 * NOT_FOUND when `openRead` meets a missing one.
 */
export type BlobStorage = {
  readonly driver: "local" | "s3";

  /**
   * Stores the finished temporary file `tempPath` (created inside `tempDir()`) under `key`, durably,
   * and consumes it: on success the temporary file is gone. Never replaces an existing key (throws
   * CONFLICT). On failure the temporary file is left in place for the caller to remove.
   */
  putFile(key: string, tempPath: string): Promise<void>;

  /**
   * A stream of the stored bytes. Rejects with NOT_FOUND if the key does not exist; an error while
   * reading is an `error` event on the stream. Consume it to the end or destroy it: it holds an open
   * file or connection until then (`decryptingReader` passes a destroy on to it).
   */
  openRead(key: string): Promise<Readable>;

  /** Removes the blob; removing a missing key is not an error (a retried delete must succeed). */
  delete(key: string): Promise<void>;

  exists(key: string): Promise<boolean>;

  /**
   * Every stored blob whose key starts with `prefix`, in key order, fetched page by page. Temporary
   * files and anything not named like a storage key are skipped.
   */
  list(prefix?: string): AsyncIterable<StoredBlob>;

  /**
   * The folder where the upload pipeline must create its temporary files (created on first call,
   * mode 0700). For the local driver it is on the same filesystem as the store, so `putFile` is a
   * rename; for S3 it is a local working folder.
   */
  tempDir(): Promise<string>;

  /** Temporary files last modified more than `olderThanMs` ago: left by a crashed or aborted upload. */
  listStaleTemporaries(olderThanMs: number): Promise<StaleTemporary[]>;

  /** Removes one temporary file (as listed by `listStaleTemporaries`); a missing one is not an error. */
  removeTemporary(path: string): Promise<void>;
};

export type StoredBlob = { key: string; size: number; modifiedAt: Date };

export type StaleTemporary = { path: string; size: number; modifiedAt: Date };
