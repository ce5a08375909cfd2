import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DecryptionError } from "./encryption";
import {
  ENCRYPTION_OVERHEAD_BYTES,
  createDecryptStream,
  createEncryptStream,
  decryptingReader,
  digestDecrypted,
} from "./stream-encryption";

const key = randomBytes(32);
const aad = "document-file:0b9d6c1e-5c0f-4a43-9d3c-6f1a2b3c4d5e";

/** Runs `input` (cut into chunks of `chunkSize`) through `transform` and collects the output. */
async function through(transform: NodeJS.ReadWriteStream, input: Buffer, chunkSize = 64 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < input.length; offset += chunkSize) chunks.push(input.subarray(offset, offset + chunkSize));
  const output: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    transform,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        output.push(chunk);
        callback();
      },
    }),
  );
  return Buffer.concat(output);
}

const encrypt = (plaintext: Buffer) => through(createEncryptStream({ key, aad }), plaintext);
const decrypt = (stored: Buffer, options = { key, aad }, chunkSize?: number) => through(createDecryptStream(options), stored, chunkSize);

describe("streaming file encryption (AES-256-GCM)", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "stream-encryption-"));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it("round-trips a multi-megabyte file byte for byte, in the documented layout", async () => {
    const plaintext = randomBytes(6 * 1024 * 1024 + 12_345);
    const source = join(folder, "plain.bin");
    const stored = join(folder, "stored.bin");
    const restored = join(folder, "restored.bin");
    await writeFile(source, plaintext);

    await pipeline(createReadStream(source), createEncryptStream({ key, aad }), createWriteStream(stored));
    const encrypted = await readFile(stored);
    expect((await stat(stored)).size).toBe(plaintext.length + ENCRYPTION_OVERHEAD_BYTES);
    expect(encrypted[0]).toBe(1);
    // No plaintext run survives (checked on a slice: a 64-byte window of random data).
    expect(encrypted.includes(plaintext.subarray(1_000_000, 1_000_064))).toBe(false);

    await pipeline(createReadStream(stored), createDecryptStream({ key, aad }), createWriteStream(restored));
    expect((await readFile(restored)).equals(plaintext)).toBe(true);
  });

  it("uses a fresh IV per file", async () => {
    const plaintext = Buffer.from("same content");
    const [a, b] = [await encrypt(plaintext), await encrypt(plaintext)];
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it("decrypts whatever the chunking of the stored bytes (header and tag split across chunks)", async () => {
    const plaintext = randomBytes(5_000);
    const stored = await encrypt(plaintext);
    for (const chunkSize of [1, 5, 13, 14, 16, 17, 29, 1_000]) {
      expect((await decrypt(stored, { key, aad }, chunkSize)).equals(plaintext), `chunks of ${chunkSize}`).toBe(true);
    }
  });

  it("round-trips an empty file", async () => {
    const stored = await encrypt(Buffer.alloc(0));
    expect(stored.length).toBe(ENCRYPTION_OVERHEAD_BYTES);
    expect((await decrypt(stored)).length).toBe(0);
  });

  describe("refuses", () => {
    const plaintext = randomBytes(1024 * 1024 + 7);
    let stored: Buffer;
    beforeAll(async () => {
      stored = await encrypt(plaintext);
    });

    it("any modified byte: version, IV, start, middle and end of the ciphertext, tag", async () => {
      const length = stored.length;
      const positions = {
        version: 0,
        iv: 5,
        "first ciphertext byte": 13,
        middle: Math.floor(length / 2),
        "last ciphertext byte": length - 17,
        "tag start": length - 16,
        "tag end": length - 1,
      };
      for (const [where, index] of Object.entries(positions)) {
        const tampered = Buffer.from(stored);
        tampered[index] ^= 0x01;
        await expect(decrypt(tampered), where).rejects.toThrow(DecryptionError);
      }
    });

    it("an unknown version with a message saying so", async () => {
      const future = Buffer.from(stored);
      future[0] = 2;
      await expect(decrypt(future)).rejects.toThrow(/unknown format version 2/);
    });

    it("truncated data, whether the tag, part of it or all but the header is missing", async () => {
      for (const length of [stored.length - 1, stored.length - 16, stored.length - 1000, 29, 28, 13, 5, 0]) {
        await expect(decrypt(stored.subarray(0, length)), `first ${length} bytes`).rejects.toThrow(DecryptionError);
      }
    });

    it("bytes appended after the tag", async () => {
      await expect(decrypt(Buffer.concat([stored, Buffer.of(0)]))).rejects.toThrow(DecryptionError);
    });

    it("the wrong key and the wrong aad", async () => {
      await expect(decrypt(stored, { key: randomBytes(32), aad })).rejects.toThrow(DecryptionError);
      await expect(decrypt(stored, { key, aad: "document-file:another" })).rejects.toThrow(DecryptionError);
    });

    it("a key that is not 32 bytes", () => {
      expect(() => createEncryptStream({ key: randomBytes(16), aad })).toThrow(/32 bytes/);
      expect(() => createDecryptStream({ key: randomBytes(31), aad })).toThrow(/32 bytes/);
    });

    it("to end cleanly: a modified file gives an error event, never an end event", async () => {
      const tampered = Buffer.from(stored);
      tampered[tampered.length - 1] ^= 0x01;
      const decipher = createDecryptStream({ key, aad });
      const outcome = new Promise<string>((resolve) => {
        decipher.on("end", () => resolve("end"));
        decipher.on("error", () => resolve("error"));
        decipher.resume();
      });
      decipher.end(tampered);
      expect(await outcome).toBe("error");
    });
  });

  it("streams in both directions instead of buffering the file", async () => {
    const chunk = randomBytes(64 * 1024);
    const chunks = 32; // 2 MB written, nothing ended yet
    const emitted = async (transform: NodeJS.ReadWriteStream, input: Buffer[]) => {
      let received = 0;
      transform.on("data", (data: Buffer) => (received += data.length));
      for (const piece of input) {
        await new Promise<void>((resolve, reject) => transform.write(piece, (error) => (error ? reject(error) : resolve())));
      }
      await new Promise((resolve) => setImmediate(resolve));
      return received;
    };

    const written = chunk.length * chunks;
    // Everything so far, plus the header.
    expect(await emitted(createEncryptStream({ key, aad }), Array(chunks).fill(chunk))).toBe(written + 13);

    const stored = await encrypt(Buffer.concat(Array(chunks).fill(chunk)));
    const storedChunks = Array.from({ length: chunks }, (_, i) => stored.subarray(i * chunk.length, (i + 1) * chunk.length));
    // Everything but the header and the 16 bytes that might be the tag.
    expect(await emitted(createDecryptStream({ key, aad }), storedChunks)).toBe(written - 13 - 16);
  });

  it("decryptingReader passes the source's errors on and closes the source when the reader is destroyed", async () => {
    const stored = await encrypt(randomBytes(100_000));

    const failing = new PassThrough();
    const reader = decryptingReader(failing, { key, aad });
    const failure = new Promise((resolve) => reader.on("error", resolve));
    reader.resume();
    failing.write(stored.subarray(0, 50_000));
    failing.destroy(new Error("connection reset"));
    expect(await failure).toMatchObject({ message: "connection reset" });

    const source = new PassThrough();
    const abandoned = decryptingReader(source, { key, aad });
    abandoned.on("error", () => {});
    source.write(stored.subarray(0, 50_000));
    abandoned.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
  });

  it("digestDecrypted hashes the plaintext, and only once its tag has been checked", async () => {
    const plaintext = randomBytes(300_000);
    const stored = await encrypt(plaintext);
    expect(await digestDecrypted(Readable.from([stored]), { key, aad })).toEqual({
      size: plaintext.length,
      sha256: createHash("sha256").update(plaintext).digest("hex"),
    });
    const tampered = Buffer.from(stored);
    tampered[200_000] ^= 0x01;
    await expect(digestDecrypted(Readable.from([tampered]), { key, aad })).rejects.toThrow(DecryptionError);
  });
});
