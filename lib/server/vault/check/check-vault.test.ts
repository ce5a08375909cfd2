import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { pngChunk, tinyPng } from "@/lib/vault/files/build-png";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/policy/policy";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import { createS3Storage } from "@/lib/server/storage/s3-storage";
import { startS3TestServer } from "@/lib/server/storage/s3-test-server";
import { receiveUpload } from "@/lib/server/vault/upload/receive-upload";
import { buildTestPdf } from "@/lib/server/vault/pdf/build-test-pdf";
import { testCtx } from "@/lib/testing/ctx";
import { cloneTemplate, type TestDatabase } from "@/lib/testing/database";
import { checkVault, type CheckVaultInput, type VaultCheckReport } from "./check-vault";
import { purgeBinnedDocument } from "./purge-binned-document";

const masterKey = randomBytes(32);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Distinctive, so that a leak into a report is unmistakable.
const TITLE = "Bilan oncologique confidentiel";
const FILE_NAME = "irm-cerebrale-secret.png";

/** A valid 1×1 PNG with some padding, so a byte in the middle is image data. */
const png = () => tinyPng([pngChunk("tEXt", Buffer.from(`Comment\0${"x".repeat(2000)}`, "latin1"))]);

function streamOf(bytes: Buffer): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

function checkSuite(
  name: string,
  makeStorage: () => Promise<{ storage: BlobStorage; cleanup: () => Promise<void> }>,
  { full }: { full: boolean },
) {
  describe(`checkVault (${name} storage)`, () => {
    // A database for each storage: the check covers every document in it.
    let database: TestDatabase;
    let db: Db;
    let storage: BlobStorage;
    let cleanup: () => Promise<void>;
    const reports: VaultCheckReport[] = [];

    beforeAll(async () => {
      database = await cloneTemplate(inject("databaseTemplate"));
      db = createPrismaClient(database.url, 4);
      ({ storage, cleanup } = await makeStorage());
    });
    afterAll(async () => {
      await db?.$disconnect();
      await cleanup?.();
      await database?.drop();
    });
    // Each test starts from an empty vault (history rows stay: that table is append-only).
    afterEach(async () => {
      await db.document.deleteMany({});
      for await (const blob of storage.list()) await storage.delete(blob.key);
      for (const temporary of await storage.listStaleTemporaries(0)) await storage.removeTemporary(temporary.path);
    });

    async function check({ now, ...options }: Partial<CheckVaultInput> & { now?: Date } = {}): Promise<VaultCheckReport> {
      const ctx = testCtx(db, { storage, ...(now ? { now: () => now } : {}) });
      const report = await checkVault(ctx, { masterKey, repair: false, ...options });
      reports.push(report);
      return report;
    }
    const later = (ms: number) => new Date(Date.now() + ms);

    async function newPatient(): Promise<Actor> {
      const user = await db.user.create({
        data: { email: `check-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
        select: { id: true },
      });
      return { userId: user.id, roles: ["PATIENT"], stage: "FULL", hasConfirmedFactor: true };
    }

    async function upload(actor: Actor, { bytes = png(), fileName = FILE_NAME, into = { db, storage } } = {}) {
      return receiveUpload(
        testCtx(into.db, { actor, ip: null, storage: into.storage }),
        {
          body: streamOf(bytes),
          declaredLength: bytes.length,
          fileName,
          metadata: { title: TITLE, category: "IMAGING", documentDate: "2025-11-20", note: "Note privée" },
        },
        { maxFileBytes: 10 * 1024 * 1024, quotaBytes: 100 * 1024 * 1024, masterKey },
      );
    }

    const storageKeyOf = async (documentId: string) => (await db.document.findUniqueOrThrow({ where: { id: documentId } })).storageKey!;

    it("reports nothing for a clean vault", async () => {
      const actor = await newPatient();
      await upload(actor);
      await upload(actor, { bytes: buildTestPdf([["Compte rendu", "Examen normal."]]), fileName: "cr.pdf" });
      const report = await check({ now: later(2 * DAY) });
      expect(report).toMatchObject({
        staleTemporaries: { found: 0, removed: 0 },
        blobs: { checked: 2 },
        orphanBlobs: { found: { count: 0 }, inGracePeriod: 0 },
        documents: { checked: 2 },
        missingBlobs: { count: 0 },
        contentMismatches: { count: 0 },
        decryptFailures: { count: 0 },
        readFailures: { count: 0 },
        bin: { due: 0 },
        problemsRemaining: 0,
      });
    });

    it("keeps the blob of an upload that crashed after putFile within the grace period, then removes it with --repair", async () => {
      const actor = await newPatient();
      // The crash: the commit never happens, and neither does the pipeline's own clean-up.
      const crashingDb = new Proxy(db, {
        get: (target, property) =>
          property === "$transaction" ? () => Promise.reject(new Error("process killed")) : target[property as keyof Db],
      });
      const keepingStorage: BlobStorage = { ...storage, delete: () => Promise.reject(new Error("process killed")) };
      await expect(upload(actor, { into: { db: crashingDb, storage: keepingStorage } })).rejects.toThrow("process killed");
      const blobs = [];
      for await (const blob of storage.list(`${actor.userId}/`)) blobs.push(blob.key);
      expect(blobs).toHaveLength(1);

      const fresh = await check({ repair: true });
      expect(fresh.orphanBlobs).toMatchObject({ found: { count: 0 }, removed: { count: 0 }, inGracePeriod: 1 });
      expect(fresh.problemsRemaining).toBe(0);
      expect(await storage.exists(blobs[0])).toBe(true);

      const reported = await check({ now: later(16 * MINUTE) });
      expect(reported.orphanBlobs).toMatchObject({ found: { count: 1, items: blobs }, removed: { count: 0 } });
      expect(reported.problemsRemaining).toBe(1);
      expect(await storage.exists(blobs[0])).toBe(true);

      const repaired = await check({ now: later(16 * MINUTE), repair: true });
      expect(repaired.orphanBlobs).toMatchObject({ found: { count: 1 }, removed: { count: 1, items: blobs } });
      expect(repaired.problemsRemaining).toBe(0);
      expect(await storage.exists(blobs[0])).toBe(false);
    });

    it("reports a stored file whose bytes were changed", async () => {
      const actor = await newPatient();
      const { documentId } = await upload(actor);
      const key = await storageKeyOf(documentId);
      // Rewrite the blob with one byte flipped in the middle of the ciphertext.
      const stored = await buffer(await storage.openRead(key));
      stored[Math.floor(stored.length / 2)] ^= 0x01;
      const temp = join(await storage.tempDir(), `${randomUUID()}.part`);
      await writeFile(temp, stored);
      await storage.delete(key);
      await storage.putFile(key, temp);

      const report = await check({ repair: true });
      expect(report.contentMismatches).toEqual({ count: 1, items: [documentId] });
      expect(report.problemsRemaining).toBe(1);
    });

    if (!full) return;

    it("reports a document whose recorded size or hash no longer matches its file", async () => {
      const actor = await newPatient();
      const { documentId: badHash } = await upload(actor);
      const { documentId: badSize } = await upload(actor);
      await db.document.update({ where: { id: badHash }, data: { sha256: "0".repeat(64) } });
      await db.document.update({ where: { id: badSize }, data: { sizeBytes: { increment: 1 } } });
      const report = await check();
      expect(report.contentMismatches.items.sort()).toEqual([badHash, badSize].sort());
    });

    it("removes stale temporary files with --repair, and only stale ones", async () => {
      const temp = join(await storage.tempDir(), `${randomUUID()}.part`);
      await writeFile(temp, randomBytes(100));
      expect((await check({ repair: true })).staleTemporaries).toEqual({ found: 0, removed: 0 });

      const reported = await check({ now: later(61 * MINUTE) });
      expect(reported.staleTemporaries).toEqual({ found: 1, removed: 0 });
      expect(reported.problemsRemaining).toBe(1);

      const repaired = await check({ now: later(61 * MINUTE), repair: true });
      expect(repaired.staleTemporaries).toEqual({ found: 1, removed: 1 });
      expect(repaired.problemsRemaining).toBe(0);
      expect(await storage.listStaleTemporaries(0)).toEqual([]);
    });

    it("reports a row whose blob is missing, which repairing cannot fix", async () => {
      const actor = await newPatient();
      const { documentId } = await upload(actor);
      await storage.delete(await storageKeyOf(documentId));
      const report = await check({ repair: true });
      expect(report.missingBlobs).toEqual({ count: 1, items: [documentId] });
      expect(report.problemsRemaining).toBe(1);
      expect(await db.document.count({ where: { id: documentId } })).toBe(1);
    });

    it("reports files whose key does not unwrap (a wrong MASTER_KEY)", async () => {
      const actor = await newPatient();
      const { documentId } = await upload(actor);
      const report = await checkVault(testCtx(db, { storage }), { masterKey: randomBytes(32), repair: false });
      expect(report.decryptFailures).toEqual({ count: 1, items: [documentId] });
      expect(report.problemsRemaining).toBe(1);
    });

    it("purges documents binned more than 30 days ago, with a history entry, and not before", async () => {
      const actor = await newPatient();
      const { documentId: old } = await upload(actor);
      const { documentId: recent } = await upload(actor);
      const { documentId: live } = await upload(actor);
      const oldKey = await storageKeyOf(old);
      await db.document.update({ where: { id: old }, data: { deletedAt: new Date(Date.now() - 31 * DAY) } });
      await db.document.update({ where: { id: recent }, data: { deletedAt: new Date(Date.now() - 29 * DAY) } });
      const report = await db.documentReport.create({
        data: { documentId: old, reporterId: actor.userId, reason: "DUPLICATE" },
        select: { id: true },
      });

      const dry = await check();
      expect(dry.bin).toMatchObject({ due: 1, purged: { count: 0 } });
      expect(dry.problemsRemaining).toBe(0);
      expect(await db.document.count({ where: { id: old } })).toBe(1);

      const purged = await check({ repair: true });
      expect(purged.bin).toMatchObject({ due: 1, purged: { count: 1, items: [old] }, blobsLeft: { count: 0 } });
      expect(purged.problemsRemaining).toBe(0);
      expect(await db.document.findMany({ where: { ownerId: actor.userId }, select: { id: true } })).toEqual(
        expect.arrayContaining([{ id: recent }, { id: live }]),
      );
      expect(await db.document.count({ where: { id: old } })).toBe(0);
      expect(await storage.exists(oldKey)).toBe(false);
      expect((await db.documentReport.findUniqueOrThrow({ where: { id: report.id } })).documentId).toBeNull();
      const entry = await db.historyEntry.findFirstOrThrow({ where: { patientId: actor.userId, action: "DOCUMENT_DELETED" } });
      expect(entry).toMatchObject({ documentId: old, actorId: null, actorRole: null, actorLabel: "Suppression automatique (corbeille)" });

      // Two days later the other one is due too.
      expect((await check({ repair: true, now: later(2 * DAY) })).bin.purged.items).toEqual([recent]);
    });

    it("purges a binned document once when several instances try at the same time", async () => {
      const actor = await newPatient();
      const { documentId } = await upload(actor);
      await db.document.update({ where: { id: documentId }, data: { deletedAt: new Date(Date.now() - 31 * DAY) } });
      const binnedBefore = new Date(Date.now() - 30 * DAY);
      const outcomes = await Promise.all([1, 2, 3].map(() => purgeBinnedDocument(testCtx(db, { storage }), { documentId, binnedBefore })));
      expect(outcomes.filter((outcome) => outcome.purged)).toHaveLength(1);
      expect(await db.historyEntry.count({ where: { documentId, action: "DOCUMENT_DELETED" } })).toBe(1);
      // A live document is never purged, whatever the cut-off.
      const { documentId: live } = await upload(actor);
      expect(await purgeBinnedDocument(testCtx(db, { storage }), { documentId: live })).toEqual({ purged: false });
    });

    it("never puts a title, a note or a file name in its reports", () => {
      expect(reports.length).toBeGreaterThan(3);
      const text = JSON.stringify(reports);
      for (const secret of [TITLE, FILE_NAME, "Note privée", "Compte rendu"]) expect(text).not.toContain(secret);
    });
  });
}

checkSuite(
  "local",
  async () => {
    const root = await mkdtemp(join(tmpdir(), "vault-check-"));
    return { storage: createLocalStorage({ root }), cleanup: () => rm(root, { recursive: true, force: true }) };
  },
  { full: true },
);

checkSuite(
  "S3",
  async () => {
    const server = await startS3TestServer();
    return { storage: createS3Storage(server.storageOptions), cleanup: () => server.close() };
  },
  { full: false },
);
