import "server-only";
import { open, unlink } from "node:fs/promises";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { AppError } from "@/lib/server/errors";
import type { BlobStorage, StoredBlob } from "./blob-storage";
import { assertStorageKey, assertStoragePrefix, isStorageKey } from "./storage-key";
import { createTempDirectory } from "./temp-directory";

export type S3StorageOptions = {
  bucket: string;
  region: string;
  /** For S3-compatible services (and the tests' s3rver); AWS itself needs none. */
  endpoint?: string;
  /** `bucket` in the path rather than the host name: most S3-compatible services need it. */
  forcePathStyle?: boolean;
  /** Both or neither; without them the SDK's default chain applies (environment, instance role...). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /**
   * A local folder for the upload pipeline's temporary files (the app passes `<DATA_DIR>/vault-tmp`);
   * they are uploaded by `putFile`, then removed.
   */
  tempRoot: string;
  /** Keys per ListObjectsV2 request (S3's maximum and default: 1000); small in tests to force paging. */
  listPageSize?: number;
};

/**
 * The S3-compatible driver: one object per key, in the given bucket, holding the ciphertext. No
 * server-side encryption, tagging or metadata is asked for: the object is opaque and the bucket's own
 * policy (versioning, lifecycle, replication) is the operator's business. Note that with versioning on,
 * `delete` only hides the object; permanent erasure then rests on the document's data key being deleted.
 *
 * Overwrite refusal: `putFile` sends `If-None-Match: *`, which AWS S3 (since 2024) and current
 * S3-compatible services enforce atomically (412 → CONFLICT). s3rver, used by the tests, ignores that
 * header on PUT, so a HeadObject check comes first; it also gives a clear error on services that lack
 * conditional writes, though only the header closes the race between two writers.
 *
 * Permissions the credentials need on the bucket: s3:GetObject, s3:PutObject, s3:DeleteObject and
 * s3:ListBucket (without the last, S3 answers 403 instead of 404 for a missing key, and `exists`,
 * `putFile` and `openRead` fail instead of answering).
 *
 * Checksums: request checksums are computed only when an operation requires them. The SDK's default
 * ("when supported") streams the body with aws-chunked encoding and a trailing CRC, which several
 * S3-compatible servers (s3rver among them) store verbatim, corrupting the object. Integrity does not
 * depend on it: TLS protects the transfer, and every stored file carries its AES-GCM tag, checked on
 * each read and by the reconciler.
 */
export function createS3Storage(options: S3StorageOptions): BlobStorage {
  const { bucket, listPageSize = 1000 } = options;
  if ((options.accessKeyId === undefined) !== (options.secretAccessKey === undefined)) {
    throw new Error("S3 storage: give both accessKeyId and secretAccessKey, or neither.");
  }
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const temp = createTempDirectory(options.tempRoot);

  const exists = async (key: string) => {
    assertStorageKey(key);
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  };

  return {
    driver: "s3",

    async putFile(key, tempPath) {
      assertStorageKey(key);
      const source = temp.assertInside(tempPath);
      if (await exists(key)) throw new AppError("CONFLICT", "Refused to overwrite an existing storage key.");
      const file = await open(source, "r");
      // Size and stream from one open file, so that what is declared is what is sent.
      const { size } = await file.stat();
      const body = file.createReadStream();
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentLength: size,
            ContentType: "application/octet-stream",
            IfNoneMatch: "*",
          }),
        );
      } catch (error) {
        if (isStatus(error, 412)) {
          throw new AppError("CONFLICT", "Refused to overwrite an existing storage key.", { cause: error });
        }
        throw error;
      } finally {
        body.destroy();
      }
      await unlink(source);
    },

    async openRead(key) {
      assertStorageKey(key);
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        // In Node.js the SDK returns the HTTP response itself: a Readable, streamed as it arrives.
        if (!(Body instanceof Readable)) throw new Error("S3 storage: GetObject returned no Node.js stream.");
        return Body;
      } catch (error) {
        if (isStatus(error, 404)) throw new AppError("NOT_FOUND", "No stored file under this key.", { cause: error });
        throw error;
      }
    },

    async delete(key) {
      assertStorageKey(key);
      // S3 answers 204 whether or not the key existed.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    exists,

    list(prefix = "") {
      assertStoragePrefix(prefix);
      return listObjects(client, { bucket, prefix, pageSize: listPageSize });
    },

    tempDir: () => temp.ensure(),
    listStaleTemporaries: (olderThanMs) => temp.listStale(olderThanMs),
    removeTemporary: (path) => temp.remove(path),
  };
}

async function* listObjects(
  client: S3Client,
  { bucket, prefix, pageSize }: { bucket: string; prefix: string; pageSize: number },
): AsyncGenerator<StoredBlob> {
  let continuationToken: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: pageSize, ContinuationToken: continuationToken }),
    );
    for (const object of page.Contents ?? []) {
      // Anything not named like a storage key was not put there by the vault.
      if (!object.Key || !isStorageKey(object.Key)) continue;
      yield { key: object.Key, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
    }
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === status;
}
