import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { verifyHistoryChain } from "@/lib/server/history/verify-history-chain";
import type { Actor } from "@/lib/server/policy/policy";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import { buildTestPdf } from "@/lib/server/vault/pdf/build-test-pdf";
import { receiveUpload } from "@/lib/server/vault/upload/receive-upload";
import { testCtx, NOBODY } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import type { DocumentListQuery } from "@/lib/vault/document-api";
import { moveDocumentToBin } from "./bin-document";
import { bulkUpdateDocuments } from "./bulk-update-documents";
import { deleteDocumentPermanently } from "./delete-document-permanently";
import { findOwnedDocument } from "./find-owned-document";
import { listDocuments } from "./list-documents";
import { openDocumentFile } from "./open-document-file";
import { reportDocument } from "./report-document";
import { updateDocument } from "./update-document";

const masterKey = randomBytes(32);

describe("the vault's documents", () => {
  const db = useTestDb();
  let storage: BlobStorage;
  let root: string;
  const context = (actor: Actor) => testCtx(db, { actor, ip: "10.9.8.7", storage });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "documents-test-"));
    storage = createLocalStorage({ root });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  async function newPatient(): Promise<Actor> {
    const user = await db.user.create({
      data: { email: `docs-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true },
    });
    return { userId: user.id, roles: ["PATIENT"], stage: "FULL", hasConfirmedFactor: true };
  }

  async function uploadPdf(
    actor: Actor,
    lines: string[],
    metadata: Partial<{ title: string; category: "REPORT" | "LAB_RESULTS"; documentDate: string }> = {},
  ) {
    const pdf = buildTestPdf([lines]);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(pdf));
        controller.close();
      },
    });
    const result = await receiveUpload(
      testCtx(db, { actor, ip: null, storage }),
      {
        body,
        declaredLength: pdf.length,
        fileName: "document.pdf",
        metadata: { title: "Compte rendu", category: "REPORT", documentDate: "2025-01-10", note: null, ...metadata },
      },
      { maxFileBytes: 5_000_000, quotaBytes: 50_000_000, masterKey },
    );
    return { id: result.documentId, pdf };
  }

  /** Metadata-only rows, fast, for pagination. */
  async function insertDocuments(ownerId: string, count: number) {
    await db.document.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        ownerId,
        title: `Document ${i}`,
        category: i % 2 ? ("LAB_RESULTS" as const) : ("PRESCRIPTION" as const),
        documentDate: new Date(Date.UTC(2020, 0, 1 + (i % 7))),
        authorKind: "PATIENT" as const,
      })),
    });
  }

  async function allPages(actor: Actor, query: DocumentListQuery) {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listDocuments(context(actor), { ownerId: actor.userId, query: { ...query, cursor } });
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  it("pages through every document once, in order, for each sort (ties broken by id)", async () => {
    const actor = await newPatient();
    await insertDocuments(actor.userId, 53);
    for (const sort of ["date_desc", "date_asc", "added_desc"] as const) {
      const ids = await allPages(actor, { sort, limit: 10 });
      expect(new Set(ids).size).toBe(53);
      const rows = await db.document.findMany({
        where: { ownerId: actor.userId },
        select: { id: true, documentDate: true, createdAt: true },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      const keys = ids.map((id) => (sort === "added_desc" ? byId.get(id)!.createdAt.getTime() : byId.get(id)!.documentDate.getTime()));
      const sorted = [...keys].sort((a, b) => (sort === "date_asc" ? a - b : b - a));
      expect(keys).toEqual(sorted);
    }
  });

  it("filters by category, author and dates, and refuses a cursor from another sort", async () => {
    const actor = await newPatient();
    await insertDocuments(actor.userId, 14);
    const lab = await listDocuments(context(actor), { ownerId: actor.userId, query: { category: "LAB_RESULTS", limit: 100 } });
    expect(lab.items).toHaveLength(7);
    expect(lab.items.every((item) => item.category === "LAB_RESULTS")).toBe(true);
    const dated = await listDocuments(context(actor), {
      ownerId: actor.userId,
      query: { from: "2020-01-02", to: "2020-01-03", limit: 100 },
    });
    expect(dated.items.map((item) => item.documentDate).sort()).toEqual(["2020-01-02", "2020-01-02", "2020-01-03", "2020-01-03"]);
    expect((await listDocuments(context(actor), { ownerId: actor.userId, query: { author: "ESTABLISHMENT" } })).items).toEqual([]);
    const first = await listDocuments(context(actor), { ownerId: actor.userId, query: { limit: 5 } });
    await expect(
      listDocuments(context(actor), { ownerId: actor.userId, query: { sort: "date_asc", cursor: first.nextCursor! } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(listDocuments(context(actor), { ownerId: actor.userId, query: { cursor: "not-a-cursor" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("finds a word that is only inside a PDF, in French (stemmed, accents as typed), and not in another's space", async () => {
    const actor = await newPatient();
    const other = await newPatient();
    const { id } = await uploadPdf(actor, ["Résultats d'analyses sanguines", "Hémoglobine glyquée : 6,1 %"], {
      title: "Bilan",
      category: "LAB_RESULTS",
    });
    await uploadPdf(other, ["Analyses sanguines"], { title: "Bilan" });
    const found = await listDocuments(context(actor), { ownerId: actor.userId, query: { q: "analyse sanguine" } });
    expect(found.items.map((item) => item.id)).toEqual([id]);
    expect((await listDocuments(context(actor), { ownerId: actor.userId, query: { q: "glyquée" } })).items).toHaveLength(1);
    expect((await listDocuments(context(actor), { ownerId: actor.userId, query: { q: "radiographie" } })).items).toEqual([]);
  });

  it("serves the exact bytes and records each view and download in the history", async () => {
    const actor = await newPatient();
    const { id, pdf } = await uploadPdf(actor, ["Ordonnance"]);
    for (const purpose of ["view", "download"] as const) {
      const file = await openDocumentFile(context(actor), { documentId: id, purpose, masterKey });
      const bytes = await buffer(file.stream);
      expect(bytes.equals(pdf)).toBe(true);
      expect(file).toMatchObject({
        mimeType: "application/pdf",
        sizeBytes: pdf.length,
        sha256: createHash("sha256").update(pdf).digest("hex"),
      });
    }
    const actions = (await db.historyEntry.findMany({ where: { patientId: actor.userId }, orderBy: { sequence: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["DOCUMENT_UPLOADED", "DOCUMENT_VIEWED", "DOCUMENT_DOWNLOADED"]);
  });

  it("edits, hides, bins, restores, reports and deletes for good, each in the history, the chain intact", async () => {
    const actor = await newPatient();
    const { id } = await uploadPdf(actor, ["Compte rendu"]);
    const edited = await updateDocument(context(actor), {
      documentId: id,
      title: "Consultation cardiologie",
      documentDate: "2025-02-01",
      note: "Apporter au prochain rendez-vous",
    });
    expect(edited).toMatchObject({
      title: "Consultation cardiologie",
      documentDate: "2025-02-01",
      note: "Apporter au prochain rendez-vous",
    });
    await updateDocument(context(actor), { documentId: id, hiddenFromProfessionals: true, pinned: true });
    await reportDocument(context(actor), { documentId: id, reason: "WRONG_CONTENT", message: "Ce n'est pas le bon fichier" });
    await expect(deleteDocumentPermanently(context(actor), { documentId: id })).rejects.toMatchObject({ code: "CONFLICT" });
    const binned = await moveDocumentToBin(context(actor), { documentId: id, into: true });
    expect(binned.deletedAt).not.toBeNull();
    expect(binned.purgeAt).not.toBeNull();
    expect((await listDocuments(context(actor), { ownerId: actor.userId, query: {} })).items).toEqual([]);
    expect((await listDocuments(context(actor), { ownerId: actor.userId, query: { bin: "true" } })).items.map((item) => item.id)).toEqual([
      id,
    ]);
    await moveDocumentToBin(context(actor), { documentId: id, into: false });
    await moveDocumentToBin(context(actor), { documentId: id, into: true });
    const storageKey = (await db.document.findUniqueOrThrow({ where: { id } })).storageKey!;
    await deleteDocumentPermanently(context(actor), { documentId: id });
    expect(await db.document.findUnique({ where: { id } })).toBeNull();
    expect(await storage.exists(storageKey)).toBe(false);
    expect(await db.documentReport.findFirst({ where: { reporterId: actor.userId } })).toMatchObject({
      documentId: null,
      reason: "WRONG_CONTENT",
    });

    const history = await db.historyEntry.findMany({ where: { patientId: actor.userId }, orderBy: { sequence: "asc" } });
    expect(history.map((e) => e.action)).toEqual([
      "DOCUMENT_UPLOADED",
      "DOCUMENT_EDITED",
      "DOCUMENT_HIDDEN",
      "DOCUMENT_REPORTED",
      "DOCUMENT_BINNED",
      "DOCUMENT_RESTORED",
      "DOCUMENT_BINNED",
      "DOCUMENT_DELETED",
    ]);
    expect(history[1]!.details).toEqual({ fields: ["title", "documentDate", "note"] });
    expect(history.every((e) => e.ipAddress === "10.9.8.7" || e.action === "DOCUMENT_UPLOADED")).toBe(true);
    expect(await verifyHistoryChain(db, actor.userId)).toMatchObject({ intact: true, entries: 8 });
  });

  it("changes several documents at once, only the patient's own", async () => {
    const actor = await newPatient();
    const other = await newPatient();
    const mine = [await uploadPdf(actor, ["Un"]), await uploadPdf(actor, ["Deux"])];
    const theirs = await uploadPdf(other, ["Trois"]);
    const ids = [...mine.map((d) => d.id), theirs.id];
    expect(await bulkUpdateDocuments(context(actor), { action: "setCategory", ids, category: "LAB_RESULTS" })).toEqual({ updated: 2 });
    expect(await bulkUpdateDocuments(context(actor), { action: "hide", ids })).toEqual({ updated: 2 });
    expect(await bulkUpdateDocuments(context(actor), { action: "bin", ids })).toEqual({ updated: 2 });
    expect(await db.document.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      category: "REPORT",
      hiddenFromProfessionals: false,
      deletedAt: null,
    });
    expect(await db.historyEntry.count({ where: { patientId: other.userId } })).toBe(1);
  });

  describe("another patient, or a half-signed-in session, reaches nothing", () => {
    let owner: Actor;
    let documentId: string;
    beforeAll(async () => {
      owner = await newPatient();
      ({ id: documentId } = await uploadPdf(owner, ["Secret médical"]));
      await updateDocument(context(owner), { documentId: documentId, pinned: true });
      await moveDocumentToBin(context(owner), { documentId: documentId, into: true });
      await moveDocumentToBin(context(owner), { documentId: documentId, into: false });
    });

    const attempts = (actor: Actor) => ({
      list: () => listDocuments(context(actor), { ownerId: owner.userId, query: {} }),
      read: () => findOwnedDocument(db, actor, documentId),
      view: () => openDocumentFile(context(actor), { documentId: documentId, purpose: "view", masterKey }),
      download: () => openDocumentFile(context(actor), { documentId: documentId, purpose: "download", masterKey }),
      edit: () => updateDocument(context(actor), { documentId: documentId, title: "Piraté" }),
      hide: () => updateDocument(context(actor), { documentId: documentId, hiddenFromProfessionals: true }),
      bin: () => moveDocumentToBin(context(actor), { documentId: documentId, into: true }),
      delete: () => deleteDocumentPermanently(context(actor), { documentId: documentId }),
      report: () => reportDocument(context(actor), { documentId: documentId, reason: "OTHER" }),
    });

    it.each([
      ["another patient", "NOT_FOUND", "FORBIDDEN"],
      ["a session that has not passed its second factor", "UNAUTHENTICATED", "UNAUTHENTICATED"],
      ["no session", "UNAUTHENTICATED", "UNAUTHENTICATED"],
    ] as const)("%s", async (who, byIdCode, listCode) => {
      const stranger = await newPatient();
      const actor: Actor =
        who === "another patient"
          ? stranger
          : who === "no session"
            ? NOBODY
            : { userId: owner.userId, roles: ["PATIENT"], stage: "PASSWORD_VERIFIED", hasConfirmedFactor: true };
      const before = await db.document.findUniqueOrThrow({ where: { id: documentId } });
      const historyBefore = await db.historyEntry.count({ where: { patientId: owner.userId } });
      for (const [name, attempt] of Object.entries(attempts(actor))) {
        const error = await attempt().then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error, name).toBeInstanceOf(AppError);
        expect((error as AppError).code, name).toBe(name === "list" ? listCode : byIdCode);
      }
      expect(await db.document.findUniqueOrThrow({ where: { id: documentId } })).toEqual(before);
      expect(await db.historyEntry.count({ where: { patientId: owner.userId } })).toBe(historyBefore);
      expect(await db.documentReport.count({ where: { documentId } })).toBe(0);
      // A bulk change names the owner's ids but applies only to the caller's own documents.
      if (who === "another patient")
        expect(await bulkUpdateDocuments(context(stranger), { action: "bin", ids: [documentId] })).toEqual({ updated: 0 });
    });
  });
});
