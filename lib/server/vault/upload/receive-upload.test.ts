import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { pngChunk, tinyPng as png } from "@/lib/vault/files/build-png";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unwrapDocumentKey } from "@/lib/server/crypto/document-keys";
import { decryptingReader } from "@/lib/server/crypto/stream-encryption";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import { createS3Storage } from "@/lib/server/storage/s3-storage";
import { type S3TestServer, startS3TestServer } from "@/lib/server/storage/s3-test-server";
import { isStorageKey } from "@/lib/server/storage/storage-key";
import { useTestDb } from "@/lib/testing/test-db";
import { buildTestPdf } from "../pdf/build-test-pdf";
import { testCtx, NOBODY } from "@/lib/testing/ctx";
import { receiveUpload, type ReceiveUploadInput, type UploadMetadata } from "./receive-upload";

const masterKey = randomBytes(32);
const MB = 1024 * 1024;
const CHUNK = 64 * 1024;
const metadata: UploadMetadata = { title: "Compte rendu", category: "REPORT", documentDate: "2024-03-12", note: null };

// ---- Files -----------------------------------------------------------------------------------

/** A JPEG head followed by `size` bytes of entropy-like data. */
function jpeg(size = 10_000): Buffer {
  const head = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ]);
  return Buffer.concat([head, Buffer.from([0xff, 0xdb, 0x00, 0x43, 0x00]), randomBytes(size)]);
}

const reportPdf = () =>
  buildTestPdf([["COMPTE RENDU DE CONSULTATION", "Cardiologie - le 12 mars 2024", "Examen clinique : souffle systolique discret."]]);

// ---- Streams ---------------------------------------------------------------------------------

/** The bytes in chunks, as a request body delivers them. */
function streamOf(bytes: Buffer, chunkSize = CHUNK): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + chunkSize)));
        offset += chunkSize;
      },
    },
    { highWaterMark: 0 },
  );
}

/** `head`, then chunks forever; `produced()` is how much the service has pulled. */
function endlessStream(head: Buffer) {
  let produced = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = produced === 0 ? Buffer.concat([head, randomBytes(CHUNK - head.length)]) : randomBytes(CHUNK);
        produced += chunk.length;
        controller.enqueue(new Uint8Array(chunk));
      },
    },
    // Pulled only when read: what was produced is what the service asked for.
    { highWaterMark: 0 },
  );
  return { stream, produced: () => produced };
}

/** Delivers `bytes` up to `failAt`, then errors, as a body does when the client disconnects. */
function failingStream(bytes: Buffer, failAt: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= failAt) return controller.error(new Error("socket hang up"));
        const end = Math.min(offset + CHUNK, failAt);
        controller.enqueue(new Uint8Array(bytes.subarray(offset, end)));
        offset = end;
      },
    },
    { highWaterMark: 0 },
  );
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

// ---- The suite, run on each driver -----------------------------------------------------------

function uploadSuite(
  name: string,
  makeStorage: () => Promise<{ storage: BlobStorage; cleanup: () => Promise<void> }>,
  { full }: { full: boolean },
) {
  describe(`receiveUpload (${name} storage)`, () => {
    const db = useTestDb();
    let storage: BlobStorage;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ storage, cleanup } = await makeStorage());
    });
    afterAll(() => cleanup?.());

    async function newPatient(): Promise<Actor> {
      const user = await db.user.create({
        data: { email: `upload-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
        select: { id: true },
      });
      return { userId: user.id, roles: ["PATIENT"], stage: "FULL", hasConfirmedFactor: true };
    }

    function upload(
      input: Partial<ReceiveUploadInput> & { actor: Actor; ipAddress?: string | null; bytes?: Buffer },
      {
        maxFileBytes = 2 * MB,
        quotaBytes = 50 * MB,
        signal,
        minRate,
      }: { maxFileBytes?: number; quotaBytes?: number; signal?: AbortSignal; minRate?: { bytesPerSecond: number; windowMs: number } } = {},
    ) {
      const { bytes, actor, ipAddress = null, ...rest } = input;
      return receiveUpload(
        testCtx(db, { actor, ip: ipAddress, storage }),
        { body: bytes ? streamOf(bytes) : null, declaredLength: bytes?.length ?? 0, fileName: "file", metadata, ...rest },
        { maxFileBytes, quotaBytes, masterKey, signal, minRate },
      );
    }

    const temporaries = async () => readdir(await storage.tempDir());
    const rowsOf = (actor: Actor) => db.document.count({ where: { ownerId: actor.userId } });

    async function storedPlaintext(documentId: string): Promise<Buffer> {
      const row = await db.document.findUniqueOrThrow({ where: { id: documentId } });
      const key = unwrapDocumentKey(row.wrappedKey!, { documentId, masterKey });
      return buffer(decryptingReader(await storage.openRead(row.storageKey!), { key, aad: `document-file:${documentId}` }));
    }

    /** Nothing left behind: no row for this patient, no temporary file, no blob under the patient. */
    async function expectNothingKept(actor: Actor) {
      expect(await rowsOf(actor)).toBe(0);
      expect(await db.historyEntry.count({ where: { patientId: actor.userId } })).toBe(0);
      expect(await temporaries()).toEqual([]);
      const blobs = [];
      for await (const blob of storage.list(`${actor.userId}/`)) blobs.push(blob);
      expect(blobs).toEqual([]);
    }

    it("stores a PDF encrypted, with its text, and gives back the exact bytes", async () => {
      const actor = await newPatient();
      const pdf = reportPdf();
      const result = await upload({ actor, bytes: pdf, fileName: "compte-rendu.pdf", ipAddress: "10.1.2.3" });

      const sha256 = createHash("sha256").update(pdf).digest("hex");
      expect(result).toMatchObject({ sizeBytes: pdf.length, sha256, mimeType: "application/pdf" });
      expect(result.extractedText).toContain("souffle systolique");
      const row = await db.document.findUniqueOrThrow({ where: { id: result.documentId } });
      expect(row).toMatchObject({
        ownerId: actor.userId,
        addedById: actor.userId,
        authorKind: "PATIENT",
        title: "Compte rendu",
        category: "REPORT",
        sizeBytes: pdf.length,
        sha256,
        mimeType: "application/pdf",
        fileName: "compte-rendu.pdf",
      });
      expect(row.extractedText).toContain("souffle systolique");
      expect(row.documentDate.toISOString()).toBe("2024-03-12T00:00:00.000Z");
      expect(isStorageKey(row.storageKey!) && row.storageKey!.startsWith(`${actor.userId}/`)).toBe(true);

      const stored = await storedPlaintext(result.documentId);
      expect(stored.equals(pdf)).toBe(true);
      expect(createHash("sha256").update(stored).digest("hex")).toBe(sha256);
      expect(await temporaries()).toEqual([]);
      const history = await db.historyEntry.findMany({ where: { patientId: actor.userId } });
      expect(history).toMatchObject([
        {
          action: "DOCUMENT_UPLOADED",
          documentId: result.documentId,
          documentTitle: "Compte rendu",
          actorId: actor.userId,
          actorRole: "PATIENT",
          actorLabel: "Léa Roux",
          ipAddress: "10.1.2.3",
        },
      ]);
    });

    if (!full) return;

    it("refuses an SVG named .png, before reading the rest", async () => {
      const actor = await newPatient();
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
      const { stream, produced } = endlessStream(svg);
      const error = await failureOf(upload({ actor, body: stream, declaredLength: MB, fileName: "radio.png" }));
      expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(error.status).toBe(415);
      expect(error.messageKey).toMatch(/^vault\.refusal\.(UNSUPPORTED_TYPE|TYPE_MISMATCH)$/);
      expect(produced()).toBeLessThanOrEqual(CHUNK);
      await expectNothingKept(actor);
    });

    it("refuses a PDF named .jpg", async () => {
      const actor = await newPatient();
      const error = await failureOf(upload({ actor, bytes: reportPdf(), fileName: "photo.jpg" }));
      expect([error.code, error.messageKey]).toEqual(["UNSUPPORTED_MEDIA_TYPE", "vault.refusal.TYPE_MISMATCH"]);
      await expectNothingKept(actor);
    });

    it("refuses a polyglot (a PNG that is also a PDF)", async () => {
      const actor = await newPatient();
      const polyglot = png([pngChunk("tEXt", Buffer.from("Comment\0%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj", "latin1"))]);
      const error = await failureOf(upload({ actor, bytes: polyglot, fileName: "scan.png" }));
      expect([error.code, error.messageKey]).toEqual(["UNSUPPORTED_MEDIA_TYPE", "vault.refusal.TYPE_MISMATCH"]);
      await expectNothingKept(actor);
    });

    it("refuses a zero-byte file, declared or not", async () => {
      const actor = await newPatient();
      const declared = await failureOf(upload({ actor, body: streamOf(Buffer.alloc(0)), declaredLength: 0, fileName: "vide.pdf" }));
      expect([declared.code, declared.messageKey]).toEqual(["UNSUPPORTED_MEDIA_TYPE", "vault.refusal.EMPTY"]);
      const undeclared = await failureOf(upload({ actor, body: streamOf(Buffer.alloc(0)), declaredLength: 10, fileName: "vide.pdf" }));
      expect([undeclared.code, undeclared.messageKey]).toEqual(["UNSUPPORTED_MEDIA_TYPE", "vault.refusal.EMPTY"]);
      await expectNothingKept(actor);
    });

    it("refuses up front a declared length over the limit, reading nothing", async () => {
      const actor = await newPatient();
      const { stream, produced } = endlessStream(jpeg(100));
      const error = await failureOf(upload({ actor, body: stream, declaredLength: MB + 1, fileName: "photo.jpg" }, { maxFileBytes: MB }));
      expect([error.code, error.status, error.messageValues]).toEqual(["PAYLOAD_TOO_LARGE", 413, { maxMegabytes: 1 }]);
      expect(produced()).toBe(0);
      await expectNothingKept(actor);
    });

    it("cuts off a body that keeps coming past the limit, soon after the limit", async () => {
      const actor = await newPatient();
      const { stream, produced } = endlessStream(jpeg(100));
      // The declared length is within the limit: the body lies about it.
      const error = await failureOf(upload({ actor, body: stream, declaredLength: MB, fileName: "photo.jpg" }, { maxFileBytes: MB }));
      expect([error.code, error.messageKey]).toEqual(["PAYLOAD_TOO_LARGE", "vault.refusal.TOO_LARGE"]);
      expect(produced()).toBeGreaterThan(MB);
      expect(produced()).toBeLessThanOrEqual(MB + CHUNK);
      await expectNothingKept(actor);
    });

    it("refuses a body shorter or longer than its Content-Length", async () => {
      const actor = await newPatient();
      const image = jpeg(200_000);
      const shorter = await failureOf(upload({ actor, body: streamOf(image), declaredLength: image.length + 1, fileName: "a.jpg" }));
      expect([shorter.code, shorter.messageKey]).toEqual(["BAD_REQUEST", "vault.upload.lengthMismatch"]);
      const longer = await failureOf(upload({ actor, body: streamOf(image), declaredLength: image.length - 1, fileName: "a.jpg" }));
      expect([longer.code, longer.messageKey]).toEqual(["BAD_REQUEST", "vault.upload.lengthMismatch"]);
      await expectNothingKept(actor);
    });

    it("keeps nothing of a body that errors midway (client gone)", async () => {
      const actor = await newPatient();
      const image = jpeg(500_000);
      const error = await failureOf(
        upload({ actor, body: failingStream(image, 300_000), declaredLength: image.length, fileName: "a.jpg" }),
      );
      expect([error.code, error.messageKey]).toEqual(["BAD_REQUEST", "vault.upload.aborted"]);
      await expectNothingKept(actor);
    });

    it("stops and keeps nothing when the request is aborted while the body stalls", async () => {
      const actor = await newPatient();
      const image = jpeg(300_000);
      let sent = false;
      const stalled = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (sent) return new Promise(() => {});
            sent = true;
            controller.enqueue(new Uint8Array(image.subarray(0, CHUNK)));
          },
        },
        { highWaterMark: 0 },
      );
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await failureOf(
        upload({ actor, body: stalled, declaredLength: image.length, fileName: "a.jpg" }, { signal: controller.signal }),
      );
      expect([error.code, error.messageKey]).toEqual(["BAD_REQUEST", "vault.upload.aborted"]);
      await expectNothingKept(actor);
    });

    it("stops a body that trickles in under the floor rate with 408 and keeps nothing", async () => {
      const actor = await newPatient();
      const image = jpeg(300_000);
      // A whole head at once (the type is accepted), then 100 bytes every 20 ms: 5 KB/s, under a
      // floor of 10 KiB/s judged every 300 ms. Left alone, it would take a minute to arrive.
      let offset = 0;
      const trickle = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            const size = offset === 0 ? CHUNK : 100;
            if (offset > 0) await new Promise((resolve) => setTimeout(resolve, 20));
            controller.enqueue(new Uint8Array(image.subarray(offset, offset + size)));
            offset += size;
            if (offset >= image.length) controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      const started = Date.now();
      const error = await failureOf(
        upload(
          { actor, body: trickle, declaredLength: image.length, fileName: "a.jpg" },
          { minRate: { bytesPerSecond: 10 * 1024, windowMs: 300 } },
        ),
      );
      expect([error.code, error.status, error.messageKey]).toEqual(["REQUEST_TIMEOUT", 408, "vault.upload.tooSlow"]);
      expect(Date.now() - started).toBeLessThan(5_000);
      await expectNothingKept(actor);
    });

    it("waits for a body that keeps above the floor rate, however long it takes", async () => {
      const actor = await newPatient();
      const image = jpeg(200_000);
      // 16 KiB every 50 ms: about 320 KiB/s against a floor of 10 KiB/s over 100 ms windows, for ~0.6 s.
      let offset = 0;
      const steady = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            await new Promise((resolve) => setTimeout(resolve, 50));
            controller.enqueue(new Uint8Array(image.subarray(offset, offset + 16 * 1024)));
            offset += 16 * 1024;
            if (offset >= image.length) controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      const result = await upload(
        { actor, body: steady, declaredLength: image.length, fileName: "a.jpg" },
        { minRate: { bytesPerSecond: 10 * 1024, windowMs: 100 } },
      );
      expect((await storedPlaintext(result.documentId)).equals(image)).toBe(true);
    });

    it("refuses a .txt that stops being UTF-8 text past its head", async () => {
      const actor = await newPatient();
      const text = Buffer.concat([Buffer.from("Tension : 12/8.\n".repeat(1000)), Buffer.from([0xff, 0xfe, 0x00])]);
      const error = await failureOf(upload({ actor, bytes: text, fileName: "notes.txt" }));
      expect([error.code, error.messageKey]).toEqual(["UNSUPPORTED_MEDIA_TYPE", "vault.refusal.NOT_TEXT"]);
      await expectNothingKept(actor);
    });

    it("lands five concurrent uploads, each under its own key", async () => {
      const actor = await newPatient();
      const files = [
        { bytes: reportPdf(), fileName: "a.pdf" },
        { bytes: jpeg(300_000), fileName: "b.jpg" },
        { bytes: png(), fileName: "c.png" },
        { bytes: Buffer.from("Vaccin grippe, lot 42.\n"), fileName: "d.txt" },
        { bytes: jpeg(150_000), fileName: "e.jpeg" },
      ];
      const results = await Promise.all(files.map((file) => upload({ actor, ...file })));
      const rows = await db.document.findMany({ where: { ownerId: actor.userId }, orderBy: { fileName: "asc" } });
      expect(rows.map((row) => row.fileName)).toEqual(files.map((file) => file.fileName));
      expect(new Set(rows.map((row) => row.storageKey)).size).toBe(5);
      for (const [i, file] of files.entries()) {
        expect((await storedPlaintext(results[i].documentId)).equals(file.bytes)).toBe(true);
      }
      expect(await temporaries()).toEqual([]);
    });

    it("refuses an upload that would pass the quota, up front and under concurrency", async () => {
      const actor = await newPatient();
      const image = jpeg(400_000);
      const quotaBytes = Math.floor(image.length * 2.5);
      await upload({ actor, bytes: image, fileName: "1.jpg" }, { quotaBytes });
      await upload({ actor, bytes: image, fileName: "2.jpg" }, { quotaBytes });
      const error = await failureOf(upload({ actor, bytes: image, fileName: "3.jpg" }, { quotaBytes }));
      expect([error.code, error.messageKey]).toEqual(["PAYLOAD_TOO_LARGE", "vault.upload.quotaExceeded"]);
      expect(await rowsOf(actor)).toBe(2);

      // Both pass the check before reading; the commit re-checks under a lock on the owner.
      const other = await newPatient();
      const outcomes = await Promise.allSettled(
        [1, 2, 3].map((n) => upload({ actor: other, bytes: image, fileName: `${n}.jpg` }, { quotaBytes })),
      );
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(2);
      const blobs = [];
      for await (const blob of storage.list(`${other.userId}/`)) blobs.push(blob);
      expect(blobs).toHaveLength(2);
      expect(await temporaries()).toEqual([]);
    });

    it("stores a hostile file name cleaned, and never uses it for storage", async () => {
      const actor = await newPatient();
      const hostile = "../../etc/passwd\0\r\nX-Injected: 1\u202Efdp.exe.pdf";
      const result = await upload({ actor, bytes: reportPdf(), fileName: hostile });
      const row = await db.document.findUniqueOrThrow({ where: { id: result.documentId } });
      expect(row.fileName).not.toMatch(/[/\\\0\r\n\u202E]/);
      expect(row.fileName).toMatch(/\.pdf$/);
      expect(row.fileName!.startsWith(".")).toBe(false);
      expect(row.storageKey).toMatch(new RegExp(`^${actor.userId}/[0-9a-f-]{36}$`));
    });

    it("refuses someone without a full patient session", async () => {
      const actor = await newPatient();
      const half = await failureOf(upload({ actor: { ...actor, stage: "PASSWORD_VERIFIED" }, bytes: reportPdf(), fileName: "a.pdf" }));
      expect(half.code).toBe("UNAUTHENTICATED");
      const nobody = await failureOf(upload({ actor: NOBODY, bytes: reportPdf(), fileName: "a.pdf" }));
      expect(nobody.code).toBe("UNAUTHENTICATED");
      await expectNothingKept(actor);
    });
  });
}

uploadSuite(
  "local",
  async () => {
    const root = await mkdtemp(join(tmpdir(), "upload-test-"));
    return { storage: createLocalStorage({ root }), cleanup: () => rm(root, { recursive: true, force: true }) };
  },
  { full: true },
);

uploadSuite(
  "S3",
  async () => {
    const server: S3TestServer = await startS3TestServer();
    return { storage: createS3Storage(server.storageOptions), cleanup: () => server.close() };
  },
  { full: false },
);
