import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { pipeline } from "node:stream/promises";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDecryptStream, createEncryptStream, decryptingReader } from "@/lib/server/crypto/stream-encryption";
import { AppError } from "@/lib/server/errors";
import type { BlobStorage } from "./blob-storage";
import { createS3Storage } from "./s3-storage";
import { type S3TestServer, startS3TestServer } from "./s3-test-server";
import { newStorageKey } from "./storage-key";

const owner = "7f1c2a4e-0000-4000-8000-00000000000a";

describe("S3-compatible storage, against a real s3rver", () => {
  let server: S3TestServer;
  let storage: BlobStorage;

  beforeAll(async () => {
    server = await startS3TestServer();
    storage = createS3Storage(server.storageOptions);
  });
  afterAll(() => server?.close());

  async function tempFile(content: Buffer | string) {
    const path = join(await storage.tempDir(), `${randomBytes(8).toString("hex")}.part`);
    await writeFile(path, content, { flag: "wx", mode: 0o600 });
    return path;
  }

  const code = (error: unknown) => (error instanceof AppError ? error.code : error);

  it("uploads a temporary file and reads back exactly the same bytes", async () => {
    // Larger than the SDK's stream chunks, and binary: a mangled body (e.g. aws-chunked framing) shows.
    const content = randomBytes(3 * 1024 * 1024 + 5);
    const key = newStorageKey(owner);
    const temp = await tempFile(content);
    expect(await storage.exists(key)).toBe(false);

    await storage.putFile(key, temp);

    await expect(stat(temp)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await storage.exists(key)).toBe(true);
    expect((await buffer(await storage.openRead(key))).equals(content)).toBe(true);
  });

  it("refuses to overwrite an existing key and keeps the temporary file", async () => {
    const key = newStorageKey(owner);
    await storage.putFile(key, await tempFile("first"));
    const second = await tempFile("second");

    await expect(storage.putFile(key, second).catch(code)).resolves.toBe("CONFLICT");

    expect((await buffer(await storage.openRead(key))).toString()).toBe("first");
    expect((await stat(second)).size).toBe("second".length);
  });

  it("deletes idempotently and then says NOT_FOUND", async () => {
    const key = newStorageKey(owner);
    await storage.putFile(key, await tempFile("to delete"));

    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.delete(key)).resolves.toBeUndefined();
    await expect(storage.openRead(key).catch(code)).resolves.toBe("NOT_FOUND");
  });

  it("refuses hostile keys before any request", async () => {
    const temp = await tempFile("payload");
    for (const key of ["../escape", `${owner}/../x`, `/${owner}/x`, `${owner}/a/b`, `${owner}/X`, `${owner}/a?b`, ""]) {
      await expect(storage.putFile(key, temp).catch(code), key).resolves.toBe("INTERNAL");
      await expect(storage.openRead(key).catch(code), key).resolves.toBe("INTERNAL");
      await expect(storage.delete(key).catch(code), key).resolves.toBe("INTERNAL");
      await expect(storage.exists(key).catch(code), key).resolves.toBe("INTERNAL");
    }
    await expect(storage.putFile(newStorageKey(owner), "/etc/hostname").catch(code)).resolves.toBe("INTERNAL");
  });

  it("lists every key across pages, in key order, skipping objects the vault did not name", async () => {
    const listOwner = "11111111-2222-4333-8444-555555555555";
    const keys = Array.from({ length: 7 }, () => newStorageKey(listOwner)).sort();
    for (const key of keys) await storage.putFile(key, await tempFile(key));
    const { bucket, region, endpoint, accessKeyId, secretAccessKey } = server.storageOptions;
    const raw = new S3Client({
      region,
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey! },
    });
    await raw.send(new PutObjectCommand({ Bucket: bucket, Key: `${listOwner}/notes.txt`, Body: "foreign" }));
    raw.destroy();

    // Three keys per request: the seven keys (and the foreign object) take three pages.
    const paged = createS3Storage({ ...server.storageOptions, listPageSize: 3 });
    const listed = [];
    for await (const blob of paged.list(`${listOwner}/`)) listed.push(blob);

    expect(listed.map((blob) => blob.key)).toEqual(keys);
    expect(listed.every((blob) => blob.size === keys[0].length)).toBe(true);
    expect(listed.every((blob) => Math.abs(Date.now() - blob.modifiedAt.getTime()) < 60_000)).toBe(true);

    const everything = [];
    for await (const blob of paged.list()) everything.push(blob.key);
    expect(everything).toEqual(expect.arrayContaining(keys));
    expect(everything.some((key) => key.startsWith(owner))).toBe(true);
  });

  it("carries an encrypted upload through to a verified download", async () => {
    const plaintext = randomBytes(1024 * 1024 + 3);
    const dataKey = randomBytes(32);
    const aad = "document-file:0b9d6c1e-5c0f-4a43-9d3c-6f1a2b3c4d5e";
    const temp = join(await storage.tempDir(), "upload.part");
    await pipeline(
      Readable.from([plaintext]),
      createEncryptStream({ key: dataKey, aad }),
      createWriteStream(temp, { flags: "wx", mode: 0o600 }),
    );
    const key = newStorageKey(owner);
    await storage.putFile(key, temp);

    const downloaded = await buffer(decryptingReader(await storage.openRead(key), { key: dataKey, aad }));
    expect(downloaded.equals(plaintext)).toBe(true);
    // What is stored is the ciphertext, not the document.
    expect((await buffer(await storage.openRead(key))).includes(plaintext.subarray(0, 64))).toBe(false);
    await expect(buffer((await storage.openRead(key)).pipe(createDecryptStream({ key: randomBytes(32), aad })))).rejects.toThrow();
  });
});
