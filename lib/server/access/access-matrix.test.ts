import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentCategory, Role as AccountRole } from "@/lib/generated/prisma/client";
import { withRppsCheckDigit } from "@/lib/identifiers/rpps";
import { getAccessOverview } from "@/lib/server/consent/get-access-overview";
import { grantAccess } from "@/lib/server/consent/grant-access";
import { listReceipts } from "@/lib/server/consent/list-receipts";
import { revokeAccess } from "@/lib/server/consent/revoke-access";
import { setEmergencyAccess } from "@/lib/server/consent/set-emergency-access";
import { moveDocumentToBin } from "@/lib/server/documents/bin-document";
import { bulkUpdateDocuments } from "@/lib/server/documents/bulk-update-documents";
import { deleteDocumentPermanently } from "@/lib/server/documents/delete-document-permanently";
import { findDocumentFor } from "@/lib/server/documents/find-owned-document";
import { listDocuments } from "@/lib/server/documents/list-documents";
import { listRecentDocuments } from "@/lib/server/documents/list-recent-documents";
import { openDocumentFile } from "@/lib/server/documents/open-document-file";
import { reportDocument } from "@/lib/server/documents/report-document";
import { setDocumentPinned } from "@/lib/server/documents/set-document-pinned";
import { updateDocument } from "@/lib/server/documents/update-document";
import { AppError } from "@/lib/server/errors";
import { exportHistoryCsv } from "@/lib/server/history/export-history-csv";
import { listHistory } from "@/lib/server/history/list-history";
import type { Actor } from "@/lib/server/policy/policy";
import { breakGlass } from "@/lib/server/professional/break-glass";
import { listPatientDocumentsForProfessional } from "@/lib/server/professional/list-patient-documents";
import { patientForProfessional } from "@/lib/server/professional/patient-for-professional";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import { addRecordEntry } from "@/lib/server/record/add-record-entry";
import { deleteRecordEntry } from "@/lib/server/record/delete-record-entry";
import { editRecordEntry } from "@/lib/server/record/edit-record-entry";
import { findRecordEntry } from "@/lib/server/record/find-record-entry";
import { listRecordProfile } from "@/lib/server/record/list-record-profile";
import { setRecordEntryHidden } from "@/lib/server/record/set-record-entry-hidden";
import { receiveUpload } from "@/lib/server/vault/upload/receive-upload";
import { testCtx, NOBODY } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { tinyPng } from "@/lib/vault/files/build-png";
import { ACCESS_MATRIX, matrixCells, OWN_SPACE, ROLE_KEYS, type Action, type Outcome, type Resource, type Role } from "./access-matrix";
import { authorizeHealth } from "./authorize-health";
import { decideHealthAccess, type HealthResource } from "./decide-health-access";
import { loadAccessFacts } from "./load-access-facts";

/**
 * Every cell of the authorization matrix (access-matrix.ts), twice: (a) the pure decision on facts
 * loaded from the database, and (b) every service a page, route or server action calls for that
 * resource and action, with the proof that a refused call changed nothing of the patient's space.
 */

const masterKey = randomBytes(32);
const ip = "10.77.0.1";
const TITLES = { lab: "Bilan lipidique matrice-7f3a", hidden: "Sérologie cachée matrice-7f3a", prescription: "Ordonnance matrice-7f3a" };
/** The substances of the owner's two allergy entries: one visible to professionals, one hidden. */
const SUBSTANCES = { visible: "Pénicilline matrice-7f3a", hidden: "Arachide cachée matrice-7f3a", scratch: "À effacer matrice" };

type Fixtures = {
  ownerId: string;
  actors: Record<Role, Actor>;
  professionalIds: Partial<Record<Role, string>>;
  bystanderId: string;
  documents: { lab: string; hidden: string; prescription: string; scratch: string };
  entries: { visible: string; hidden: string };
};

/** A refusal's status, "ok", or the unexpected code itself (so a wrong refusal shows in the diff). */
async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof AppError && (error.status === 401 || error.status === 403 || error.status === 404)) return error.status;
    return error instanceof AppError ? error.code : String(error);
  }
}

describe("the authorization matrix", () => {
  const db = useTestDb();
  let storage: BlobStorage;
  let root: string;
  let fx: Fixtures;
  const png = tinyPng();
  const bodyOf = () => Readable.toWeb(Readable.from([png])) as ReadableStream<Uint8Array>;

  async function user(roles: AccountRole[]) {
    const row = await db.user.create({
      data: {
        email: `matrix-${randomUUID()}@test.local`,
        firstName: "Léa",
        lastName: "Matrice",
        status: "ACTIVE",
        roles,
        birthDate: new Date("1980-03-04"),
      },
      select: { id: true },
    });
    const actor: Actor = { userId: row.id, roles, stage: "FULL", hasConfirmedFactor: true };
    return actor;
  }

  async function professional({ emergencyStaff = false } = {}) {
    const actor = await user(["PROFESSIONAL"]);
    const rpps = withRppsCheckDigit(String(3000000000 + Math.floor(Math.random() * 99999999)));
    const { id } = await db.professional.create({
      data: { userId: actor.userId, rpps, firstName: "Paul", lastName: "Matrice", profession: "Médecin", city: "Nantes", emergencyStaff },
      select: { id: true },
    });
    return { actor, id };
  }

  async function upload(actor: Actor, title: string, category: DocumentCategory, patientId?: string) {
    const received = await receiveUpload(
      testCtx(db, { actor, ip, storage }),
      {
        patientId,
        body: bodyOf(),
        declaredLength: png.length,
        fileName: "examen.png",
        metadata: { title, category, documentDate: "2025-06-01", note: null },
      },
      { masterKey, maxFileBytes: 1_000_000, quotaBytes: 100_000_000 },
    );
    return received.documentId;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "access-matrix-"));
    storage = createLocalStorage({ root });

    const owner = await user(["PATIENT"]);
    const otherPatient = await user(["PATIENT"]);
    const [proGranted, proExpired, proRevoked, proBlocked, proWithout, emergency, bystander] = await Promise.all([
      professional(),
      professional(),
      professional(),
      professional(),
      professional(),
      professional({ emergencyStaff: true }),
      professional(),
    ]);
    const [support, curator, admin] = await Promise.all([user(["SUPPORT"]), user(["CURATOR"]), user(["ADMIN"])]);
    const patientId = owner.userId;

    const lab = await upload(owner, TITLES.lab, "LAB_RESULTS");
    const hidden = await upload(owner, TITLES.hidden, "LAB_RESULTS");
    await db.document.update({ where: { id: hidden }, data: { hiddenFromProfessionals: true } });
    const prescription = await upload(owner, TITLES.prescription, "PRESCRIPTION");
    const scratch = await upload(owner, "Brouillon matrice", "OTHER");

    const day = 24 * 60 * 60 * 1000;
    const all = { scope: "ALL_VISIBLE" as const, canAdd: true };
    await db.accessGrant.createMany({
      data: [
        {
          patientId,
          professionalId: proGranted.id,
          scope: "CATEGORIES",
          categories: ["LAB_RESULTS"],
          canAdd: true,
          validFrom: new Date(Date.now() - day),
        },
        {
          patientId,
          professionalId: proExpired.id,
          ...all,
          validFrom: new Date(Date.now() - 10 * day),
          validUntil: new Date(Date.now() - day),
        },
        {
          patientId,
          professionalId: proRevoked.id,
          ...all,
          validFrom: new Date(Date.now() - 10 * day),
          revokedAt: new Date(Date.now() - 60_000),
        },
        { patientId, professionalId: proBlocked.id, ...all, validFrom: new Date(Date.now() - 10 * day) },
        {
          patientId,
          professionalId: bystander.id,
          scope: "CATEGORIES",
          categories: ["VACCINATION"],
          canAdd: false,
          validFrom: new Date(Date.now() - day),
        },
      ],
    });
    await db.professionalBlock.create({ data: { patientId, professionalId: proBlocked.id } });
    await breakGlass(testCtx(db, { actor: emergency.actor, ip }), { patientId, reason: "Patient inconscient aux urgences" });
    const allergy = (substance: string) =>
      addRecordEntry(testCtx(db, { actor: owner, ip }), { patientId, kind: "allergy", fields: { type: "ALLERGY", substance } });
    const visibleEntry = await allergy(SUBSTANCES.visible);
    const hiddenEntry = await allergy(SUBSTANCES.hidden);
    await setRecordEntryHidden(testCtx(db, { actor: owner, ip }), { kind: "allergy", entryId: hiddenEntry.id, hidden: true });

    fx = {
      ownerId: patientId,
      actors: {
        owner,
        otherPatient,
        proGranted: proGranted.actor,
        proExpired: proExpired.actor,
        proRevoked: proRevoked.actor,
        proBlocked: proBlocked.actor,
        proWithout: proWithout.actor,
        emergency: emergency.actor,
        support,
        curator,
        admin,
        anonymous: NOBODY,
        halfOwner: { ...owner, stage: "PASSWORD_VERIFIED" },
      },
      professionalIds: {
        proGranted: proGranted.id,
        proExpired: proExpired.id,
        proRevoked: proRevoked.id,
        proBlocked: proBlocked.id,
        proWithout: proWithout.id,
        emergency: emergency.id,
      },
      bystanderId: bystander.id,
      documents: { lab, hidden, prescription, scratch },
      entries: { visible: visibleEntry.id, hidden: hiddenEntry.id },
    };
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** Everything of the owner's space a wrongful call could change. */
  async function snapshot() {
    const patientId = fx.ownerId;
    const [documents, history, grants, blocks, settings, reports, allergies] = await Promise.all([
      db.document.findMany({
        where: { ownerId: patientId },
        orderBy: { id: "asc" },
        select: {
          id: true,
          title: true,
          note: true,
          category: true,
          hiddenFromProfessionals: true,
          pinned: true,
          deletedAt: true,
          updatedAt: true,
        },
      }),
      db.historyEntry.count({ where: { patientId } }),
      db.accessGrant.findMany({
        where: { patientId },
        orderBy: { id: "asc" },
        select: { id: true, scope: true, categories: true, canAdd: true, validUntil: true, revokedAt: true, updatedAt: true },
      }),
      db.professionalBlock.count({ where: { patientId } }),
      db.patientAccessSettings.findUnique({ where: { patientId } }),
      db.documentReport.count({ where: { reporterId: patientId } }),
      db.recordAllergy.findMany({
        where: { patientId },
        orderBy: { id: "asc" },
        select: { id: true, substance: true, note: true, hiddenFromProfessionals: true, authorKind: true, updatedAt: true },
      }),
    ]);
    return { documents, history, grants, blocks, settings, reports, allergies };
  }

  // (a) The pure decision, on the facts of each role about the owner.
  function resourceOf(resource: Resource, documents: Awaited<ReturnType<typeof documentFacts>>): HealthResource {
    switch (resource) {
      case "documentList":
      case "profile":
      case "history":
      case "consent":
        return { kind: resource };
      case "document":
        return { kind: "document", document: documents.lab };
      case "hiddenDocument":
        return { kind: "document", document: documents.hidden };
      case "download":
        return { kind: "download", document: documents.lab };
      case "recordEntries":
        return { kind: "recordEntries" };
      case "recordEntry":
        return { kind: "recordEntry", entry: documents.visibleEntry };
      case "hiddenRecordEntry":
        return { kind: "recordEntry", entry: documents.hiddenEntry };
    }
  }
  async function documentFacts() {
    const select = { id: true, category: true, hiddenFromProfessionals: true, deletedAt: true } as const;
    const entrySelect = { hiddenFromProfessionals: true, authorKind: true, authorUserId: true } as const;
    const [lab, hidden, visibleEntry, hiddenEntry] = await Promise.all([
      db.document.findUniqueOrThrow({ where: { id: fx.documents.lab }, select }),
      db.document.findUniqueOrThrow({ where: { id: fx.documents.hidden }, select }),
      db.recordAllergy.findUniqueOrThrow({ where: { id: fx.entries.visible }, select: entrySelect }),
      db.recordAllergy.findUniqueOrThrow({ where: { id: fx.entries.hidden }, select: entrySelect }),
    ]);
    return { lab, hidden, visibleEntry, hiddenEntry };
  }

  describe("(a) the decision", () => {
    it.each(matrixCells())("$resource · $action · $role → $expected", async ({ role, resource, action, expected }) => {
      const actor = fx.actors[role];
      const facts = await loadAccessFacts(db, actor, fx.ownerId);
      const target = resourceOf(resource, await documentFacts());
      const decision = decideHealthAccess(actor, facts, target, action);
      const decided: Outcome = decision.allowed
        ? "ok"
        : decision.reason === "UNAUTHENTICATED"
          ? 401
          : target.kind === "document" || target.kind === "download" || target.kind === "recordEntry"
            ? 404
            : 403;
      expect(decided).toBe(expected);
      // authorizeHealth, which every service calls, throws exactly that refusal.
      expect(await outcomeOf(() => authorizeHealth(db, actor, fx.ownerId, target, action))).toBe(expected);
    });
  });

  // (b) The services behind the entry points.
  type Call = { actor: Actor; role: Role; self: string };
  type EntryPoint = {
    name: string;
    resource: Resource;
    action: Action;
    /**
     * "patient": the call names the owner or one of their documents. "own": like the page or route
     * it serves, it acts on the signed-in person's own space (OWN_SPACE), so the check is that the
     * owner's space is out of reach, whatever the role gets of its own.
     */
    scope: "patient" | "own";
    /** Cells where this entry point answers otherwise than the resource's decision, each with its reason. */
    differs?: Partial<Record<Role, Outcome>>;
    run: (call: Call) => Promise<unknown>;
  };

  const context = (actor: Actor) => testCtx(db, { actor, ip, storage });
  const titlesOf = (page: { items: { title: string }[] }) => page.items.map((item) => item.title);

  /** A non-owner's list never holds a hidden or binned document, and a category consent only its category. */
  function expectListFor(role: Role, titles: string[]) {
    if (role === "owner") return expect(titles).toEqual(expect.arrayContaining([TITLES.lab, TITLES.hidden, TITLES.prescription]));
    expect(titles).toContain(TITLES.lab);
    expect(titles).not.toContain(TITLES.hidden);
    if (role === "proGranted") expect(titles).not.toContain(TITLES.prescription);
  }

  const ENTRY_POINTS: EntryPoint[] = [
    // The document list: GET /api/documents, GET /api/pro/patients/:id/documents, /documents.
    {
      name: "listDocuments",
      resource: "documentList",
      action: "read",
      scope: "patient",
      run: async ({ actor, role }) =>
        expectListFor(role, titlesOf(await listDocuments(context(actor), { ownerId: fx.ownerId, query: {} }))),
    },
    {
      name: "listPatientDocumentsForProfessional",
      resource: "documentList",
      action: "read",
      scope: "patient",
      run: async ({ actor, role }) =>
        expectListFor(role, titlesOf(await listPatientDocumentsForProfessional(context(actor), { patientId: fx.ownerId, query: {} }))),
    },
    // Adding a document: POST /api/uploads?patient=:id (the owner's own upload has no ?patient).
    {
      name: "receiveUpload into the patient's space",
      resource: "documentList",
      action: "add",
      scope: "patient",
      run: async ({ actor, role }) => {
        const id = await upload(actor, `Ajout par ${role}`, "LAB_RESULTS", fx.ownerId);
        expect(await db.document.findUniqueOrThrow({ where: { id }, select: { ownerId: true } })).toEqual({ ownerId: fx.ownerId });
      },
    },
    // The bin (GET /api/documents?bin=true, /documents/corbeille) and bulk changes (POST /api/documents/bulk).
    {
      name: "listDocuments of the bin",
      resource: "documentList",
      action: "manage",
      scope: "patient",
      run: ({ actor }) => listDocuments(context(actor), { ownerId: fx.ownerId, query: { bin: "true" } }),
    },
    {
      name: "bulkUpdateDocuments",
      resource: "documentList",
      action: "manage",
      scope: "own",
      // The owner hides a scratch document of theirs; anyone else tries to bin the owner's documents.
      run: async ({ actor, role }) => {
        const ids = role === "owner" ? [fx.documents.scratch] : [fx.documents.lab, fx.documents.prescription];
        const result = await bulkUpdateDocuments(context(actor), { action: role === "owner" ? "hide" : "bin", ids });
        if (role === "owner") await bulkUpdateDocuments(context(actor), { action: "unhide", ids });
        expect(result.updated).toBe(role === "owner" ? 1 : 0);
      },
    },
    // One document: GET /api/documents/:id/file (the preview) and its history entry.
    {
      name: "findDocumentFor read",
      resource: "document",
      action: "read",
      scope: "patient",
      run: ({ actor }) => findDocumentFor(db, actor, fx.documents.lab, "read"),
    },
    {
      name: "openDocumentFile view",
      resource: "document",
      action: "read",
      scope: "patient",
      run: async ({ actor }) =>
        (await openDocumentFile(context(actor), { documentId: fx.documents.lab, purpose: "view", masterKey })).stream.destroy(),
    },
    // Writing to it: PATCH /api/documents/:id, POST /api/documents/:id/report.
    {
      name: "updateDocument",
      resource: "document",
      action: "add",
      scope: "patient",
      run: ({ actor, role }) => updateDocument(context(actor), { documentId: fx.documents.lab, note: `Écrit par ${role}` }),
    },
    {
      name: "reportDocument",
      resource: "document",
      action: "add",
      scope: "patient",
      run: ({ actor }) => reportDocument(context(actor), { documentId: fx.documents.lab, reason: "OTHER", message: "Matrice" }),
    },
    // Managing it: GET /api/documents/:id and /documents/:id (the vault's detail, for editing), bin,
    // restore, DELETE, the /espace pin action.
    {
      name: "findDocumentFor manage",
      resource: "document",
      action: "manage",
      scope: "patient",
      run: ({ actor }) => findDocumentFor(db, actor, fx.documents.lab, "manage"),
    },
    {
      name: "moveDocumentToBin and back",
      resource: "document",
      action: "manage",
      scope: "patient",
      run: async ({ actor }) => {
        await moveDocumentToBin(context(actor), { documentId: fx.documents.lab, into: true });
        await moveDocumentToBin(context(actor), { documentId: fx.documents.lab, into: false });
      },
    },
    {
      name: "setDocumentPinned",
      resource: "document",
      action: "manage",
      scope: "patient",
      run: async ({ actor }) => {
        await setDocumentPinned(testCtx(db, { actor }), { documentId: fx.documents.lab, pinned: true });
        await setDocumentPinned(testCtx(db, { actor }), { documentId: fx.documents.lab, pinned: false });
      },
    },
    {
      name: "deleteDocumentPermanently",
      resource: "document",
      action: "manage",
      scope: "patient",
      // A binned LAB_RESULTS document of the owner's, made for this cell (nothing else uses it).
      run: async ({ actor }) => {
        const binned = await db.document.findFirstOrThrow({
          where: { ownerId: fx.ownerId, title: "À effacer matrice" },
          select: { id: true },
        });
        await deleteDocumentPermanently(context(actor), { documentId: binned.id });
      },
    },
    // The hidden document, by the same services.
    {
      name: "findDocumentFor read",
      resource: "hiddenDocument",
      action: "read",
      scope: "patient",
      run: ({ actor }) => findDocumentFor(db, actor, fx.documents.hidden, "read"),
    },
    {
      name: "openDocumentFile view",
      resource: "hiddenDocument",
      action: "read",
      scope: "patient",
      run: async ({ actor }) =>
        (await openDocumentFile(context(actor), { documentId: fx.documents.hidden, purpose: "view", masterKey })).stream.destroy(),
    },
    {
      name: "updateDocument",
      resource: "hiddenDocument",
      action: "add",
      scope: "patient",
      run: ({ actor, role }) => updateDocument(context(actor), { documentId: fx.documents.hidden, note: `Écrit par ${role}` }),
    },
    {
      name: "moveDocumentToBin and back",
      resource: "hiddenDocument",
      action: "manage",
      scope: "patient",
      run: async ({ actor }) => {
        await moveDocumentToBin(context(actor), { documentId: fx.documents.hidden, into: true });
        await moveDocumentToBin(context(actor), { documentId: fx.documents.hidden, into: false });
      },
    },
    {
      name: "updateDocument un-hiding",
      resource: "hiddenDocument",
      action: "manage",
      scope: "patient",
      run: async ({ actor }) => {
        await updateDocument(context(actor), { documentId: fx.documents.hidden, hiddenFromProfessionals: false });
        await updateDocument(context(actor), { documentId: fx.documents.hidden, hiddenFromProfessionals: true });
      },
    },
    // The download: GET /api/documents/:id/file?download=1.
    {
      name: "findDocumentFor download",
      resource: "download",
      action: "read",
      scope: "patient",
      run: ({ actor }) => findDocumentFor(db, actor, fx.documents.lab, "download"),
    },
    {
      name: "openDocumentFile download",
      resource: "download",
      action: "read",
      scope: "patient",
      run: async ({ actor }) =>
        (await openDocumentFile(context(actor), { documentId: fx.documents.lab, purpose: "download", masterKey })).stream.destroy(),
    },
    // The profile: the professional patient view (GET /api/pro/patients/:id) and the owner's /espace.
    {
      name: "patientForProfessional",
      resource: "profile",
      action: "read",
      scope: "patient",
      // The view is a professional's: the owner's own profile is /espace. It names the patient (name,
      // birth date: what the professional typed to find them) and what they may do, so they can ask
      // for access, to a professional who found them or had a consent — holding the id is not enough
      // (proWithout never looked the patient up: 404); it carries no health data, and its canRead is
      // the document list's decision (checked in run).
      differs: { owner: 403, proGranted: "ok", proExpired: "ok", proRevoked: "ok", proWithout: 404, proBlocked: 404 },
      run: async ({ actor, role }) => {
        const view = await patientForProfessional(context(actor), { patientId: fx.ownerId });
        expect(Object.keys(view.patient).sort()).toEqual(["birthDate", "firstName", "id", "lastName"]);
        expect(view.canRead).toBe(ACCESS_MATRIX.documentList.read[role] === "ok");
        expect(view.canAdd).toBe(ACCESS_MATRIX.documentList.add[role] === "ok");
      },
    },
    {
      name: "listRecentDocuments (/espace)",
      resource: "profile",
      action: "read",
      scope: "own",
      run: async ({ actor, self }) => {
        const titles = (await listRecentDocuments(testCtx(db, { actor }), { ownerId: self })).map((document) => document.title);
        if (self === fx.ownerId) expect(titles).toContain(TITLES.lab);
        else expect(titles).toEqual([]);
      },
    },
    // The "Profil médical": the /profil page and its server actions call these services.
    {
      name: "listRecordProfile",
      resource: "recordEntries",
      action: "read",
      scope: "patient",
      run: async ({ actor, role }) => {
        const substances = (await listRecordProfile(context(actor), { patientId: fx.ownerId })).allergy.map((entry) => entry.substance);
        expect(substances).toContain(SUBSTANCES.visible);
        // Hidden entries are absent for every professional, whatever their basis.
        if (role === "owner") expect(substances).toContain(SUBSTANCES.hidden);
        else expect(substances).not.toContain(SUBSTANCES.hidden);
      },
    },
    {
      name: "addRecordEntry",
      resource: "recordEntries",
      action: "add",
      scope: "patient",
      run: async ({ actor, role }) => {
        const { id } = await addRecordEntry(context(actor), {
          patientId: fx.ownerId,
          kind: "allergy",
          fields: { type: "INTOLERANCE", substance: `Ajout par ${role}` },
        });
        await db.recordAllergy.delete({ where: { id } });
      },
    },
    {
      name: "findRecordEntry read",
      resource: "recordEntry",
      action: "read",
      scope: "patient",
      run: ({ actor }) => findRecordEntry(db, actor, { kind: "allergy", entryId: fx.entries.visible }, "read"),
    },
    {
      name: "editRecordEntry",
      resource: "recordEntry",
      action: "add",
      scope: "patient",
      run: ({ actor, role }) =>
        editRecordEntry(context(actor), {
          kind: "allergy",
          entryId: fx.entries.visible,
          fields: { type: "ALLERGY", substance: SUBSTANCES.visible, note: `Écrit par ${role}` },
        }),
    },
    {
      name: "deleteRecordEntry",
      resource: "recordEntry",
      action: "add",
      scope: "patient",
      // An entry of the owner's, made for this cell (nothing else uses it).
      run: async ({ actor }) => {
        const scratch = await db.recordAllergy.findFirstOrThrow({ where: { patientId: fx.ownerId, substance: SUBSTANCES.scratch } });
        await deleteRecordEntry(context(actor), { kind: "allergy", entryId: scratch.id });
      },
    },
    {
      name: "setRecordEntryHidden and back",
      resource: "recordEntry",
      action: "manage",
      scope: "patient",
      run: async ({ actor }) => {
        await setRecordEntryHidden(context(actor), { kind: "allergy", entryId: fx.entries.visible, hidden: true });
        await setRecordEntryHidden(context(actor), { kind: "allergy", entryId: fx.entries.visible, hidden: false });
      },
    },
    {
      name: "findRecordEntry read",
      resource: "hiddenRecordEntry",
      action: "read",
      scope: "patient",
      run: ({ actor }) => findRecordEntry(db, actor, { kind: "allergy", entryId: fx.entries.hidden }, "read"),
    },
    {
      name: "editRecordEntry",
      resource: "hiddenRecordEntry",
      action: "add",
      scope: "patient",
      run: ({ actor, role }) =>
        editRecordEntry(context(actor), {
          kind: "allergy",
          entryId: fx.entries.hidden,
          fields: { type: "ALLERGY", substance: SUBSTANCES.hidden, note: `Écrit par ${role}` },
        }),
    },
    {
      name: "setRecordEntryHidden un-hiding and back",
      resource: "hiddenRecordEntry",
      action: "manage",
      scope: "patient",
      run: async ({ actor }) => {
        await setRecordEntryHidden(context(actor), { kind: "allergy", entryId: fx.entries.hidden, hidden: false });
        await setRecordEntryHidden(context(actor), { kind: "allergy", entryId: fx.entries.hidden, hidden: true });
      },
    },
    // The history: GET /api/history, GET /api/history/export (the /historique page reads the same).
    {
      name: "listHistory",
      resource: "history",
      action: "read",
      scope: "patient",
      run: ({ actor }) => listHistory(testCtx(db, { actor }), { patientId: fx.ownerId, query: {} }),
    },
    {
      name: "exportHistoryCsv",
      resource: "history",
      action: "read",
      scope: "patient",
      run: async ({ actor }) =>
        (await exportHistoryCsv(testCtx(db, { actor }), { patientId: fx.ownerId, query: {}, locale: "fr" })).cancel(),
    },
    // Consent ("Gestion des accès"): the overview, receipts, grant, revoke, emergency switch.
    {
      name: "getAccessOverview",
      resource: "consent",
      action: "read",
      scope: "patient",
      run: ({ actor }) => getAccessOverview(testCtx(db, { actor }), { patientId: fx.ownerId }),
    },
    {
      name: "listReceipts",
      resource: "consent",
      action: "read",
      scope: "patient",
      run: ({ actor }) => listReceipts(testCtx(db, { actor }), { patientId: fx.ownerId }),
    },
    {
      name: "grantAccess",
      resource: "consent",
      action: "add",
      scope: "patient",
      // Anyone but the owner tries to give themself (or the bystander) everything.
      run: ({ actor, role }) =>
        grantAccess(testCtx(db, { actor, ip }), {
          patientId: fx.ownerId,
          professionalId: fx.professionalIds[role] ?? fx.bystanderId,
          scope: "ALL_VISIBLE",
          canAdd: true,
          validUntil: null,
        }),
    },
    {
      name: "revokeAccess",
      resource: "consent",
      action: "manage",
      scope: "patient",
      // The owner revokes the bystander (granted again first); anyone else tries to revoke the granted professional.
      run: async ({ actor, role }) => {
        if (role === "owner") {
          await grantAccess(testCtx(db, { actor, ip }), {
            patientId: fx.ownerId,
            professionalId: fx.bystanderId,
            scope: "CATEGORIES",
            categories: ["VACCINATION"],
            canAdd: false,
            validUntil: null,
          });
        }
        await revokeAccess(testCtx(db, { actor, ip }), {
          patientId: fx.ownerId,
          professionalId: role === "owner" ? fx.bystanderId : fx.professionalIds.proGranted!,
        });
      },
    },
    {
      name: "setEmergencyAccess",
      resource: "consent",
      action: "manage",
      scope: "patient",
      // Only the owner's call may go through, and it leaves emergency access on.
      run: ({ actor, role }) => setEmergencyAccess(testCtx(db, { actor, ip }), { patientId: fx.ownerId, enabled: role === "owner" }),
    },
  ];

  function expectedFor(entry: EntryPoint, role: Role): Outcome {
    if (entry.differs && role in entry.differs) return entry.differs[role]!;
    if (entry.scope === "own" && role !== "owner" && role !== "halfOwner") return OWN_SPACE[role];
    return ACCESS_MATRIX[entry.resource][entry.action][role];
  }

  const serviceCells = ENTRY_POINTS.flatMap((entry) =>
    ROLE_KEYS.map((role) => ({
      entry,
      role,
      label: `${entry.resource} · ${entry.action} · ${entry.name} · ${role}`,
      expected: expectedFor(entry, role),
    })),
  );

  describe("(b) the services", () => {
    it.each(serviceCells)("$label → $expected", async ({ entry, role, expected }) => {
      const actor = fx.actors[role];
      if (entry.name === "deleteRecordEntry") {
        await db.recordAllergy.create({
          data: {
            patientId: fx.ownerId,
            authorKind: "PATIENT",
            authorUserId: fx.ownerId,
            authorLabel: "Léa Matrice",
            type: "ALLERGY",
            substance: SUBSTANCES.scratch,
          },
        });
      }
      if (entry.name === "deleteDocumentPermanently") {
        await db.document.create({
          data: {
            ownerId: fx.ownerId,
            title: "À effacer matrice",
            category: "LAB_RESULTS",
            documentDate: new Date("2025-06-02"),
            authorKind: "PATIENT",
            deletedAt: new Date(),
          },
        });
      }
      const before = await snapshot();
      const outcome = await outcomeOf(() => entry.run({ actor, role, self: actor?.userId ?? "" }));
      const after = await snapshot();
      if (entry.name === "deleteDocumentPermanently")
        await db.document.deleteMany({ where: { ownerId: fx.ownerId, title: "À effacer matrice" } });
      if (entry.name === "deleteRecordEntry")
        await db.recordAllergy.deleteMany({ where: { patientId: fx.ownerId, substance: SUBSTANCES.scratch } });
      expect(outcome).toBe(expected);
      // A refused call, and any call on someone's own space, left the owner's space as it was.
      if (expected !== "ok" || (entry.scope === "own" && role !== "owner")) expect(after).toEqual(before);
    });

    it("covers every resource and action that has an entry point, and says which have none", () => {
      const covered = new Set(ENTRY_POINTS.map((entry) => `${entry.resource}.${entry.action}`));
      const uncovered = Object.entries(ACCESS_MATRIX)
        .flatMap(([resource, actions]) => Object.keys(actions).map((action) => `${resource}.${action}`))
        .filter((key) => !covered.has(key));
      // No service writes a download, the profile or the history directly, nor manages the profile's entries
      // as a whole (each is hidden on its own): the decision cells alone hold for them.
      expect(uncovered).toEqual([
        "download.add",
        "download.manage",
        "profile.add",
        "profile.manage",
        "recordEntries.manage",
        "history.add",
        "history.manage",
      ]);
    });
  });

  it("keeps the fixtures as the cells expect them after every call", async () => {
    const { documents } = await snapshot();
    const byId = new Map(documents.map((document) => [document.id, document]));
    expect(byId.get(fx.documents.lab)).toMatchObject({ title: TITLES.lab, deletedAt: null, hiddenFromProfessionals: false, pinned: false });
    expect(byId.get(fx.documents.hidden)).toMatchObject({ title: TITLES.hidden, deletedAt: null, hiddenFromProfessionals: true });
    const { allergies } = await snapshot();
    expect(allergies.map(({ substance, hiddenFromProfessionals }) => ({ substance, hiddenFromProfessionals }))).toEqual(
      expect.arrayContaining([
        { substance: SUBSTANCES.visible, hiddenFromProfessionals: false },
        { substance: SUBSTANCES.hidden, hiddenFromProfessionals: true },
      ]),
    );
    expect(allergies).toHaveLength(2);
    expect(
      await db.accessGrant.findFirstOrThrow({ where: { patientId: fx.ownerId, professionalId: fx.professionalIds.proGranted } }),
    ).toMatchObject({ revokedAt: null, scope: "CATEGORIES" });
    expect(
      await db.patientAccessSettings.findUnique({ where: { patientId: fx.ownerId }, select: { emergencyAccessEnabled: true } }),
    ).not.toEqual({ emergencyAccessEnabled: false });
  });
});
