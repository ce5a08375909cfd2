import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentCategory } from "@/lib/generated/prisma/client";
import { withNirKey } from "@/lib/identifiers/nir";
import { withRppsCheckDigit } from "@/lib/identifiers/rpps";
import { openDocumentFile } from "@/lib/server/documents/open-document-file";
import { AppError } from "@/lib/server/errors";
import { chainPendingHistory } from "@/lib/server/history/chain-pending-history";
import { verifyHistoryChain } from "@/lib/server/history/verify-history-chain";
import type { Actor } from "@/lib/server/policy/policy";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import { receiveUpload } from "@/lib/server/vault/upload/receive-upload";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { tinyPng } from "@/lib/vault/files/build-png";
import { breakGlass } from "./break-glass";
import { findPatientForProfessional } from "./find-patient";
import { listPatientDocumentsForProfessional } from "./list-patient-documents";
import { patientForProfessional } from "./patient-for-professional";
import { requestAccess } from "./request-access";

const masterKey = randomBytes(32);
const realPostgres = Boolean(process.env.DATABASE_URL);

describe("the professional space", () => {
  const db = useTestDb();
  let storage: BlobStorage;
  let root: string;
  const ctxOf = (actor: Actor) => testCtx(db, { actor, ip: "10.2.3.4" });
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "pro-test-"));
    storage = createLocalStorage({ root });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const png = tinyPng();
  const bodyOf = (bytes: Buffer) => new Blob([new Uint8Array(bytes)]).stream();

  /** A patient whose identity is qualified, so that a professional can find them by NIR. */
  async function newPatient() {
    const nir = withNirKey(`1850575${String(100000 + Math.floor(Math.random() * 899999))}`);
    const user = await db.user.create({
      data: {
        email: `p-${randomUUID()}@test.local`,
        firstName: "Léa",
        lastName: "Roux",
        status: "ACTIVE",
        birthDate: new Date("1985-05-12"),
        declaredNir: nir,
        identityQualification: {
          create: { nir, method: "IN_PERSON", documentType: "NATIONAL_ID_CARD", qualifiedByLabel: "Dr Test (Médecin)" },
        },
      },
      select: { id: true },
    });
    const actor: Actor = { userId: user.id, roles: ["PATIENT"], stage: "FULL", hasConfirmedFactor: true };
    return { actor, nir, id: user.id };
  }

  async function newProfessional({ emergencyStaff = false } = {}) {
    const user = await db.user.create({
      data: { email: `pro-${randomUUID()}@test.local`, firstName: "Paul", lastName: "Martin", status: "ACTIVE", roles: ["PROFESSIONAL"] },
      select: { id: true },
    });
    const professional = await db.professional.create({
      data: {
        userId: user.id,
        rpps: withRppsCheckDigit(String(2000000000 + Math.floor(Math.random() * 99999999))),
        firstName: "Paul",
        lastName: "Martin",
        profession: "Médecin",
        city: "Lyon",
        emergencyStaff,
      },
      select: { id: true },
    });
    const actor: Actor = { userId: user.id, roles: ["PROFESSIONAL"], stage: "FULL", hasConfirmedFactor: true };
    return { actor, id: professional.id };
  }

  async function upload(patient: Actor, category: DocumentCategory, title: string, { hidden = false } = {}) {
    const { documentId } = await receiveUpload(
      testCtx(db, { actor: patient, ip: null, storage }),
      {
        body: bodyOf(png),
        declaredLength: png.length,
        fileName: "doc.png",
        metadata: { title, category, documentDate: "2025-01-01", note: null },
      },
      { masterKey, maxFileBytes: 1_000_000, quotaBytes: 10_000_000 },
    );
    if (hidden) await db.document.update({ where: { id: documentId }, data: { hiddenFromProfessionals: true } });
    return documentId;
  }

  const visibleTitles = async (pro: Actor, patientId: string) =>
    (await listPatientDocumentsForProfessional(ctxOf(pro), { patientId, query: {} })).items.map((item) => item.title).sort();
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => "allowed",
      (error: unknown) => (error instanceof AppError ? error.code : String(error)),
    );

  it("finds a patient only with identifier and birth date together, and writes the look-up in their history", async () => {
    const patient = await newPatient();
    const pro = await newProfessional();
    expect(await findPatientForProfessional(ctxOf(pro.actor), { identifier: patient.nir, birthDate: "1985-05-12" })).toMatchObject({
      id: patient.id,
      lastName: "Roux",
    });
    expect(await codeOf(findPatientForProfessional(ctxOf(pro.actor), { identifier: patient.nir, birthDate: "1985-05-13" }))).toBe(
      "NOT_FOUND",
    );
    const code = "ENS-23456789";
    await db.user.update({ where: { id: patient.id }, data: { spaceCode: code } });
    expect(await findPatientForProfessional(ctxOf(pro.actor), { identifier: "ens 2345 6789", birthDate: "1985-05-12" })).toMatchObject({
      id: patient.id,
    });
    expect(await codeOf(findPatientForProfessional(ctxOf(patient.actor), { identifier: patient.nir, birthDate: "1985-05-12" }))).toBe(
      "FORBIDDEN",
    );
    const entries = await db.historyEntry.findMany({ where: { patientId: patient.id }, select: { action: true, actorRole: true } });
    expect(entries).toEqual([
      { action: "PATIENT_LOOKED_UP", actorRole: "PROFESSIONAL" },
      { action: "PATIENT_LOOKED_UP", actorRole: "PROFESSIONAL" },
    ]);
  });

  it("raises the first-access alert on the first real access, not on a mere look-up", async () => {
    const patient = await newPatient();
    const pro = await newProfessional();
    const email = (await db.user.findUniqueOrThrow({ where: { id: patient.id }, select: { email: true } })).email;
    await findPatientForProfessional(ctxOf(pro.actor), { identifier: patient.nir, birthDate: "1985-05-12" });
    // Looked up: in the history, but nothing of the record was read, so no alert and no mail.
    expect(await db.historyEntry.count({ where: { patientId: patient.id, action: "PATIENT_LOOKED_UP" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: patient.id } })).toBe(0);
    expect(await db.outboundMessage.count({ where: { recipient: email } })).toBe(0);

    // The first real access (the documents, as médecin traitant) alerts, once, by mail too.
    await db.patientAccessSettings.create({ data: { patientId: patient.id, treatingDoctorId: pro.id } });
    await listPatientDocumentsForProfessional(ctxOf(pro.actor), { patientId: patient.id, query: {} });
    await listPatientDocumentsForProfessional(ctxOf(pro.actor), { patientId: patient.id, query: {} });
    expect(await db.notification.findMany({ where: { userId: patient.id }, select: { kind: true, actorLabel: true } })).toEqual([
      { kind: "FIRST_PROFESSIONAL_ACCESS", actorLabel: "Paul Martin" },
    ]);
    expect(await db.outboundMessage.count({ where: { recipient: email } })).toBe(1);
  });

  // A lock held by another connection needs a server: PGlite has one connection (CI runs this on PostgreSQL).
  it.runIf(realPostgres)(
    "records professionals' and the owner's reads without waiting for the patient's chain lock, chained afterwards",
    async () => {
      const patient = await newPatient();
      const pro = await newProfessional();
      await db.patientAccessSettings.create({ data: { patientId: patient.id, treatingDoctorId: pro.id } });
      const documentId = await upload(patient.actor, "PRESCRIPTION", "Ordonnance");
      // A long write of this patient holds the chain's lock; reads must not queue behind it.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const writer = db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`history:${patient.id}`}, 0))`;
          locked();
          await held;
        },
        { timeout: 60_000 },
      );
      await lockTaken;
      const withinFiveSeconds = <T>(work: Promise<T>) =>
        Promise.race([
          work,
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error("read waited for the chain lock")), 5_000)),
        ]);
      try {
        await withinFiveSeconds(listPatientDocumentsForProfessional(ctxOf(pro.actor), { patientId: patient.id, query: {} }));
        const asPro = await withinFiveSeconds(
          openDocumentFile(testCtx(db, { actor: pro.actor, ip: null, storage }), { documentId, purpose: "view", masterKey }),
        );
        asPro.stream.destroy();
        const asOwner = await withinFiveSeconds(
          openDocumentFile(testCtx(db, { actor: patient.actor, ip: null, storage }), {
            documentId,
            purpose: "download",
            masterKey,
          }),
        );
        asOwner.stream.destroy();
      } finally {
        release();
        await writer;
      }
      const reads = await db.historyEntry.findMany({
        where: { patientId: patient.id, action: { in: ["DOCUMENT_LIST_VIEWED", "DOCUMENT_VIEWED", "DOCUMENT_DOWNLOADED"] } },
        select: { action: true, sequence: true, actorRole: true },
        orderBy: { createdAt: "asc" },
      });
      // In the history at once, unchained until the chaining pass; the first access still alerted once.
      expect(reads).toEqual([
        { action: "DOCUMENT_LIST_VIEWED", sequence: null, actorRole: "PROFESSIONAL" },
        { action: "DOCUMENT_VIEWED", sequence: null, actorRole: "PROFESSIONAL" },
        { action: "DOCUMENT_DOWNLOADED", sequence: null, actorRole: "PATIENT" },
      ]);
      expect(await db.notification.count({ where: { userId: patient.id, kind: "FIRST_PROFESSIONAL_ACCESS" } })).toBe(1);
      await chainPendingHistory(db);
      expect(await verifyHistoryChain(db, patient.id)).toMatchObject({ intact: true, entries: 4 });
    },
  );

  it("never finds a patient by a NIR that is only declared, whoever declared it", async () => {
    const pro = await newProfessional();
    const nir = withNirKey(`2850575${String(100000 + Math.floor(Math.random() * 899999))}`);
    await db.user.create({
      data: {
        email: `d-${randomUUID()}@test.local`,
        firstName: "Eve",
        lastName: "Roux",
        status: "ACTIVE",
        birthDate: new Date("1985-05-12"),
        declaredNir: nir,
      },
      select: { id: true },
    });
    expect(await codeOf(findPatientForProfessional(ctxOf(pro.actor), { identifier: nir, birthDate: "1985-05-12" }))).toBe("NOT_FOUND");
  });

  it("shows what a consent covers — one category — never a hidden document, and stops at revocation on the next request", async () => {
    const patient = await newPatient();
    const pro = await newProfessional();
    const lab = await upload(patient.actor, "LAB_RESULTS", "Bilan");
    await upload(patient.actor, "PRESCRIPTION", "Ordonnance");
    const hiddenLab = await upload(patient.actor, "LAB_RESULTS", "Bilan caché", { hidden: true });

    expect(await codeOf(listPatientDocumentsForProfessional(ctxOf(pro.actor), { patientId: patient.id, query: {} }))).toBe("FORBIDDEN");
    // Holding the id is not enough to see who the patient is; finding them is.
    expect(await codeOf(patientForProfessional(ctxOf(pro.actor), { patientId: patient.id }))).toBe("NOT_FOUND");
    await findPatientForProfessional(ctxOf(pro.actor), { identifier: patient.nir, birthDate: "1985-05-12" });
    expect(await patientForProfessional(ctxOf(pro.actor), { patientId: patient.id })).toMatchObject({
      canRead: false,
      canAdd: false,
      canBreakGlass: false,
    });

    const grant = await db.accessGrant.create({
      data: { patientId: patient.id, professionalId: pro.id, scope: "CATEGORIES", categories: ["LAB_RESULTS"], validFrom: new Date() },
    });
    expect(await visibleTitles(pro.actor, patient.id)).toEqual(["Bilan"]);
    expect(
      await codeOf(
        openDocumentFile(testCtx(db, { actor: pro.actor, ip: null, storage }), { documentId: lab, purpose: "download", masterKey }),
      ),
    ).toBe("allowed");
    expect(
      await codeOf(
        openDocumentFile(testCtx(db, { actor: pro.actor, ip: null, storage }), { documentId: hiddenLab, purpose: "view", masterKey }),
      ),
    ).toBe("NOT_FOUND");
    const download = await db.historyEntry.findFirstOrThrow({ where: { patientId: patient.id, action: "DOCUMENT_DOWNLOADED" } });
    expect(download).toMatchObject({
      actorId: pro.actor.userId,
      actorRole: "PROFESSIONAL",
      details: { basis: "CONSENT", grantId: grant.id, professionalId: pro.id },
    });

    await db.accessGrant.update({ where: { id: grant.id }, data: { revokedAt: new Date() } });
    expect(await codeOf(listPatientDocumentsForProfessional(ctxOf(pro.actor), { patientId: patient.id, query: {} }))).toBe("FORBIDDEN");
    expect(
      await codeOf(openDocumentFile(testCtx(db, { actor: pro.actor, ip: null, storage }), { documentId: lab, purpose: "view", masterKey })),
    ).toBe("NOT_FOUND");

    // An expired consent is no consent.
    await db.accessGrant.update({ where: { id: grant.id }, data: { revokedAt: null, validUntil: new Date(Date.now() - 1000) } });
    expect(await codeOf(listPatientDocumentsForProfessional(ctxOf(pro.actor), { patientId: patient.id, query: {} }))).toBe("FORBIDDEN");
  });

  it("lets the médecin traitant see every visible document and add one, shown as added by them", async () => {
    const patient = await newPatient();
    const pro = await newProfessional();
    await upload(patient.actor, "LAB_RESULTS", "Bilan");
    await upload(patient.actor, "REPORT", "Compte rendu caché", { hidden: true });
    await db.patientAccessSettings.create({ data: { patientId: patient.id, treatingDoctorId: pro.id } });
    expect(await visibleTitles(pro.actor, patient.id)).toEqual(["Bilan"]);
    const { documentId } = await receiveUpload(
      testCtx(db, { actor: pro.actor, ip: null, storage }),
      {
        patientId: patient.id,
        body: bodyOf(png),
        declaredLength: png.length,
        fileName: "radio.png",
        metadata: { title: "Radio", category: "IMAGING", documentDate: "2025-02-01", note: null },
      },
      { masterKey, maxFileBytes: 1_000_000, quotaBytes: 10_000_000 },
    );
    expect(await db.document.findUniqueOrThrow({ where: { id: documentId } })).toMatchObject({
      ownerId: patient.id,
      authorKind: "PROFESSIONAL",
      addedById: pro.actor.userId,
      authorLabel: "Paul Martin (Médecin)",
    });
    expect(await db.historyEntry.findFirst({ where: { patientId: patient.id, action: "DOCUMENT_ADDED" } })).toMatchObject({
      actorRole: "PROFESSIONAL",
      details: { basis: "TREATING_DOCTOR" },
    });
  });

  it("refuses adding without a consent that allows it, and anyone adding to another patient's space", async () => {
    const patient = await newPatient();
    const other = await newPatient();
    const pro = await newProfessional();
    await db.accessGrant.create({
      data: { patientId: patient.id, professionalId: pro.id, scope: "ALL_VISIBLE", canAdd: false, validFrom: new Date() },
    });
    const add = (actor: Actor) =>
      receiveUpload(
        testCtx(db, { actor, ip: null, storage }),
        {
          patientId: patient.id,
          body: bodyOf(png),
          declaredLength: png.length,
          fileName: "x.png",
          metadata: { title: "X", category: "OTHER", documentDate: "2025-02-01", note: null },
        },
        { masterKey, maxFileBytes: 1_000_000, quotaBytes: 10_000_000 },
      );
    expect(await codeOf(add(pro.actor))).toBe("FORBIDDEN");
    expect(await codeOf(add(other.actor))).toBe("FORBIDDEN");
    expect(await db.document.count({ where: { ownerId: patient.id } })).toBe(0);
  });

  it("lets a blocked professional neither see, find, ask nor break the glass, whatever the grant", async () => {
    const patient = await newPatient();
    const pro = await newProfessional({ emergencyStaff: true });
    await upload(patient.actor, "LAB_RESULTS", "Bilan");
    await db.accessGrant.create({ data: { patientId: patient.id, professionalId: pro.id, scope: "ALL_VISIBLE", validFrom: new Date() } });
    await db.professionalBlock.create({ data: { patientId: patient.id, professionalId: pro.id } });
    expect(await codeOf(listPatientDocumentsForProfessional(ctxOf(pro.actor), { patientId: patient.id, query: {} }))).toBe("FORBIDDEN");
    expect(await codeOf(findPatientForProfessional(ctxOf(pro.actor), { identifier: patient.nir, birthDate: "1985-05-12" }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(patientForProfessional(ctxOf(pro.actor), { patientId: patient.id }))).toBe("NOT_FOUND");
    expect(await codeOf(requestAccess(ctxOf(pro.actor), { patientId: patient.id }))).toBe("NOT_FOUND");
    expect(await codeOf(breakGlass(ctxOf(pro.actor), { patientId: patient.id, reason: "Arrêt cardiaque, patient inconscient" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("opens the visible documents to emergency staff who state a reason, unless the patient switched it off", async () => {
    const patient = await newPatient();
    const emergency = await newProfessional({ emergencyStaff: true });
    const ordinary = await newProfessional();
    await upload(patient.actor, "LAB_RESULTS", "Bilan");
    await upload(patient.actor, "REPORT", "Caché", { hidden: true });

    expect(await codeOf(breakGlass(ctxOf(ordinary.actor), { patientId: patient.id, reason: "Urgence vitale, patient inconscient" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(breakGlass(ctxOf(emergency.actor), { patientId: patient.id, reason: "court" }))).toBe("BAD_REQUEST");
    await findPatientForProfessional(ctxOf(emergency.actor), { identifier: patient.nir, birthDate: "1985-05-12" });
    expect((await patientForProfessional(ctxOf(emergency.actor), { patientId: patient.id })).canBreakGlass).toBe(true);
    await breakGlass(ctxOf(emergency.actor), { patientId: patient.id, reason: "Urgence vitale, patient inconscient" });
    expect(await visibleTitles(emergency.actor, patient.id)).toEqual(["Bilan"]);
    const entry = await db.historyEntry.findFirstOrThrow({ where: { patientId: patient.id, action: "EMERGENCY_ACCESS" } });
    expect(entry.details).toMatchObject({ basis: "EMERGENCY", reason: "Urgence vitale, patient inconscient" });
    const alerts = await db.notification.findMany({ where: { userId: patient.id }, select: { kind: true, historyEntryId: true } });
    expect(alerts).toContainEqual({ kind: "EMERGENCY_ACCESS", historyEntryId: entry.id });

    const other = await newPatient();
    await db.patientAccessSettings.create({ data: { patientId: other.id, emergencyAccessEnabled: false } });
    expect(await codeOf(breakGlass(ctxOf(emergency.actor), { patientId: other.id, reason: "Urgence vitale, patient inconscient" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(listPatientDocumentsForProfessional(ctxOf(emergency.actor), { patientId: other.id, query: {} }))).toBe("FORBIDDEN");
  });

  it("keeps one pending access request per professional and patient", async () => {
    const patient = await newPatient();
    const pro = await newProfessional();
    await Promise.all(
      [
        requestAccess(ctxOf(pro.actor), { patientId: patient.id, message: "Suivi" }),
        requestAccess(ctxOf(pro.actor), { patientId: patient.id }),
      ].map((p) => p.catch(() => null)),
    );
    expect(await db.accessRequest.count({ where: { patientId: patient.id, professionalId: pro.id } })).toBe(1);
    expect(await codeOf(requestAccess(ctxOf(pro.actor), { patientId: patient.id }))).toBe("CONFLICT");
    expect((await patientForProfessional(ctxOf(pro.actor), { patientId: patient.id })).pendingRequest).toBe(true);
    expect(await db.notification.count({ where: { userId: patient.id, kind: "ACCESS_REQUEST" } })).toBe(1);
  });
});
