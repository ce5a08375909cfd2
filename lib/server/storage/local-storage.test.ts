import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import type { BlobStorage } from "./blob-storage";
import { createLocalStorage } from "./local-storage";
import { newStorageKey } from "./storage-key";

const ownerA = "7f1c2a4e-0000-4000-8000-00000000000a";
const ownerB = "7f1c2a4e-0000-4000-8000-00000000000b";

describe("local filesystem storage", () => {
  let folder: string;
  let root: string;
  let storage: BlobStorage;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "local-storage-"));
    root = join(folder, "vault");
    storage = createLocalStorage({ root });
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  /** What the upload pipeline does: a file in tempDir(), handed to putFile. */
  async function tempFile(content: Buffer | string, name = `${Math.random().toString(36).slice(2)}.part`) {
    const path = join(await storage.tempDir(), name);
    await writeFile(path, content, { flag: "wx" });
    return path;
  }

  const code = (error: unknown) => (error instanceof AppError ? error.code : error);

  it("stores a temporary file under its key and reads it back exactly, owner-only", async () => {
    const content = randomBytes(200_000);
    const key = newStorageKey(ownerA);
    const temp = await tempFile(content);
    expect(await storage.exists(key)).toBe(false);

    await storage.putFile(key, temp);

    await expect(stat(temp)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await storage.exists(key)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.openRead(key)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
    expect((await stat(join(root, key))).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, ownerA))).mode & 0o777).toBe(0o700);
    expect((await stat(join(root, ".tmp"))).mode & 0o777).toBe(0o700);
  });

  it("refuses to overwrite an existing key, leaving both files as they were", async () => {
    const key = newStorageKey(ownerA);
    await storage.putFile(key, await tempFile("first"));
    const second = await tempFile("second");

    await expect(storage.putFile(key, second).catch(code)).resolves.toBe("CONFLICT");

    expect(await text(await storage.openRead(key))).toBe("first");
    expect(await readFile(second, "utf8")).toBe("second");
  });

  it("refuses hostile keys in every operation and writes nothing outside its folder", async () => {
    const hostile = [
      "../escape",
      `${ownerA}/../../escape`,
      "/etc/passwd",
      `${ownerA}/..`,
      `./${ownerA}`,
      ".tmp/anything",
      `${ownerA}/.hidden`,
      `${ownerA}/a/b`,
      `${ownerA}`,
      `${ownerA}/`,
      "",
      `${ownerA}/ABC`,
      `${ownerA}/a\\..\\..\\b`,
      `${ownerA}/a\0b`,
      `${ownerA}/a\nb`,
      `${ownerA}/a%2e%2e`,
      `${ownerA}/-a`,
      `${ownerA}/${"a".repeat(65)}`,
    ];
    const temp = await tempFile("payload");
    for (const key of hostile) {
      await expect(storage.putFile(key, temp).catch(code), key).resolves.toBe("INTERNAL");
      await expect(storage.openRead(key).catch(code), key).resolves.toBe("INTERNAL");
      await expect(storage.delete(key).catch(code), key).resolves.toBe("INTERNAL");
      await expect(storage.exists(key).catch(code), key).resolves.toBe("INTERNAL");
    }
    expect(() => storage.list("../")).toThrow(AppError);
    expect(() => storage.list("/")).toThrow(AppError);
    expect(() => newStorageKey("../x")).toThrow(AppError);
    expect(await readdir(folder)).toEqual(["vault"]);
    expect(await readdir(root)).toEqual([".tmp"]);
  });

  it("only takes temporary files from its own temporary folder", async () => {
    const outside = join(folder, "outside.bin");
    await writeFile(outside, "not an upload");
    const key = newStorageKey(ownerA);
    await expect(storage.putFile(key, outside).catch(code)).resolves.toBe("INTERNAL");
    await expect(storage.putFile(key, join(await storage.tempDir(), "..", "..", "outside.bin")).catch(code)).resolves.toBe("INTERNAL");
    await expect(storage.removeTemporary(outside).catch(code)).resolves.toBe("INTERNAL");
    expect(await readFile(outside, "utf8")).toBe("not an upload");
    expect(await storage.exists(key)).toBe(false);
  });

  it("says NOT_FOUND for a missing key, and deletes idempotently", async () => {
    const key = newStorageKey(ownerA);
    await expect(storage.openRead(key).catch(code)).resolves.toBe("NOT_FOUND");
    await storage.putFile(key, await tempFile("to delete"));

    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.delete(key)).resolves.toBeUndefined();
    await expect(storage.delete(newStorageKey(ownerB))).resolves.toBeUndefined();
  });

  it("lists stored files in key order with their sizes, skipping temporaries and foreign entries", async () => {
    const owner = "a";
    const sibling = "a-b"; // "a-b/…" sorts before "a/…", as S3 lists them
    const keys = [`${owner}/k2`, `${owner}/k1`, `${sibling}/k3`, `${ownerB}/k4`];
    for (const [index, key] of keys.entries()) await storage.putFile(key, await tempFile("x".repeat(index + 1)));
    await tempFile("an upload in progress");
    await writeFile(join(root, "README"), "foreign");
    await mkdir(join(root, "lost+found"));
    await writeFile(join(root, owner, "notes.txt"), "foreign");
    await mkdir(join(root, owner, "sub"));

    const listed = [];
    for await (const blob of storage.list()) listed.push(blob);

    expect(listed.map((blob) => [blob.key, blob.size])).toEqual([
      [`${ownerB}/k4`, 4],
      [`${sibling}/k3`, 3],
      [`${owner}/k1`, 2],
      [`${owner}/k2`, 1],
    ]);
    expect(listed.every((blob) => blob.modifiedAt instanceof Date && Date.now() - blob.modifiedAt.getTime() < 60_000)).toBe(true);

    const keysOf = async (prefix: string) => {
      const found = [];
      for await (const blob of storage.list(prefix)) found.push(blob.key);
      return found;
    };
    expect(await keysOf(`${owner}/`)).toEqual([`${owner}/k1`, `${owner}/k2`]);
    expect(await keysOf(owner)).toEqual([`${sibling}/k3`, `${owner}/k1`, `${owner}/k2`]);
    expect(await keysOf(`${owner}/k2`)).toEqual([`${owner}/k2`]);
    expect(await keysOf("zzz/")).toEqual([]);
  });

  it("lists nothing, without error, before anything was stored", async () => {
    const listed = [];
    for await (const blob of storage.list()) listed.push(blob);
    expect(listed).toEqual([]);
    expect(await storage.listStaleTemporaries(0)).toEqual([]);
  });

  it("lists temporary files older than the grace period, and removes them", async () => {
    const old = await tempFile("left by a crashed upload", "old.part");
    const recent = await tempFile("upload in progress", "recent.part");
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(old, anHourAgo, anHourAgo);

    const stale = await storage.listStaleTemporaries(10 * 60_000);
    expect(stale).toEqual([{ path: old, size: "left by a crashed upload".length, modifiedAt: anHourAgo }]);

    await storage.removeTemporary(old);
    await expect(stat(old)).rejects.toMatchObject({ code: "ENOENT" });
    await expect(storage.removeTemporary(old)).resolves.toBeUndefined();
    expect(await readFile(recent, "utf8")).toBe("upload in progress");
    expect((await storage.listStaleTemporaries(0)).map((entry) => entry.path)).toEqual([recent]);
  });
});
