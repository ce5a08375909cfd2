import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, describe, expect, it } from "vitest";
import { unwrapDocumentKey } from "@/lib/server/crypto/document-keys";
import { decryptingReader } from "@/lib/server/crypto/stream-encryption";
import { createPrismaClient, type Db } from "@/lib/server/db";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import { inspectFileHead } from "@/lib/vault/inspect/inspect-file-head";
import { isValidRpps } from "@/lib/identifiers/rpps";
import { useTestDb } from "@/lib/testing/test-db";
import { startEmbeddedDatabase } from "./embedded-db";
import { applyMigrations } from "./migrate";
import * as OTPAuth from "otpauth";
import { verifyTotp } from "@/lib/server/auth/totp/verify-totp";
import { DEMO_DIRECTORY } from "./demo-professionals";
import { isValidNir } from "@/lib/identifiers/nir";
import { CALENDAR_2025 } from "@/lib/record/vaccination-calendar/calendar-2025";
import { vaccinationStatus } from "@/lib/record/vaccination-calendar/vaccination-status";
import { DEMO_ACCOUNTS, DEMO_PATIENT_NIR, DEMO_PATIENT_SPACE_CODE, DEMO_TOTP_SECRET, seedDemoData as seed, type SeedOptions } from "./seed";

const demoEmails = DEMO_ACCOUNTS.map((a) => a.email);

async function counts(db: Db) {
  const users = await db.user.findMany({ where: { email: { in: demoEmails } }, select: { id: true } });
  const ids = users.map((u) => u.id);
  return {
    users: users.length,
    professionals: await db.professional.count({
      where: { OR: [{ userId: { in: ids } }, { rpps: { in: DEMO_DIRECTORY.map((p) => p.rpps) } }] },
    }),
    documents: await db.document.count({ where: { ownerId: { in: ids } } }),
    apps: await db.catalogApp.count(),
  };
}

const masterKey = randomBytes(32);
const vaultRoot = mkdtempSync(join(tmpdir(), "seed-vault-"));
const storage = createLocalStorage({ root: vaultRoot });
afterAll(() => rmSync(vaultRoot, { recursive: true, force: true }));
const seedDemoData = (db: Db, options: SeedOptions = { storage, masterKey }) => seed(db, options);

describe("the demo seed", () => {
  const db = useTestDb();

  it("gives the demo patient a medical profile, once, with the adult dTP booster overdue", async () => {
    await seedDemoData(db);
    await seedDemoData(db);
    const patient = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS[0].email }, select: { id: true } });
    const where = { patientId: patient.id };
    const [conditions, allergies, treatments, vaccinations] = await Promise.all([
      db.recordCondition.count({ where }),
      db.recordAllergy.count({ where }),
      db.recordTreatment.findMany({ where, select: { authorKind: true, authorLabel: true } }),
      db.recordVaccination.findMany({ where, select: { vaccineCode: true, date: true } }),
    ]);
    expect({ conditions, allergies, treatments: treatments.length }).toEqual({ conditions: 2, allergies: 1, treatments: 3 });
    expect(treatments).toContainEqual({ authorKind: "PROFESSIONAL", authorLabel: "Sophie Bernard" });
    const status = vaccinationStatus(
      CALENDAR_2025,
      { birthDate: "1984-05-12", immunizations: vaccinations.map((v) => ({ vaccineCode: v.vaccineCode ?? undefined, date: v.date })) },
      "2026-12-06",
    );
    expect(status.find((item) => item.id === "adult-dtp")?.status).toBe("overdue");
  });

  it("creates every demo role, professionals with valid identifiers, documents and catalogue apps", async () => {
    const summary = await seedDemoData(db);
    expect(await counts(db)).toEqual(summary);
    const roles = new Set(
      (await db.user.findMany({ where: { email: { in: demoEmails } }, select: { roles: true } })).flatMap((u) => u.roles),
    );
    expect([...roles].sort()).toEqual(["ADMIN", "CURATOR", "PATIENT", "PROFESSIONAL", "SUPPORT"]);
    const pros = await db.professional.findMany({ where: { user: { email: { in: demoEmails } } } });
    expect(pros.every((p) => isValidRpps(p.rpps))).toBe(true);
    expect(pros.some((p) => p.emergencyStaff)).toBe(true);
  });

  it("fills a directory of about fifty professionals, every identifier with a valid check digit", async () => {
    await seedDemoData(db);
    const directory = await db.professional.findMany({
      where: { rpps: { in: DEMO_DIRECTORY.map((p) => p.rpps) } },
      select: { rpps: true, profession: true, emergencyStaff: true, userId: true },
    });
    expect(directory.length).toBeGreaterThanOrEqual(50);
    expect(directory.filter((p) => !isValidRpps(p.rpps))).toEqual([]);
    expect(new Set(directory.map((p) => p.profession))).toEqual(
      new Set(["Médecin", "Infirmier", "Pharmacien", "Masseur-kinésithérapeute", "Sage-femme", "Chirurgien-dentiste"]),
    );
    expect(directory.some((p) => p.emergencyStaff)).toBe(true);
    // Directory entries exist before the person has an account.
    expect(directory.every((p) => p.userId === null)).toBe(true);
  });

  it("makes the demo patient findable by a professional, with Dr Bernard as médecin traitant", async () => {
    await seedDemoData(db);
    const patient = await db.user.findUniqueOrThrow({
      where: { email: "patient@demo.espace-sante.test" },
      select: {
        id: true,
        declaredNir: true,
        spaceCode: true,
        identityQualification: { select: { nir: true, method: true, documentType: true } },
      },
    });
    expect(isValidNir(DEMO_PATIENT_NIR)).toBe(true);
    // Only a qualified NIR finds anyone: the demo one is, in person by Dr Bernard (README's demo paragraph).
    expect(patient).toMatchObject({
      declaredNir: DEMO_PATIENT_NIR,
      spaceCode: DEMO_PATIENT_SPACE_CODE,
      identityQualification: { nir: DEMO_PATIENT_NIR, method: "IN_PERSON", documentType: "NATIONAL_ID_CARD" },
    });
    expect(await db.historyEntry.count({ where: { patientId: patient.id, action: "IDENTITY_QUALIFIED" } })).toBe(1);
    // A database seeded before qualification existed has the NIR declared and no qualification: the next start qualifies it, once.
    await db.identityQualification.delete({ where: { userId: patient.id } });
    await seedDemoData(db);
    await seedDemoData(db);
    expect(await db.identityQualification.count({ where: { userId: patient.id, nir: DEMO_PATIENT_NIR } })).toBe(1);
    const settings = await db.patientAccessSettings.findUniqueOrThrow({
      where: { patientId: patient.id },
      select: { treatingDoctor: { select: { lastName: true } } },
    });
    expect(settings.treatingDoctor?.lastName).toBe("Bernard");
    // The patient's own choice survives the next start.
    await db.patientAccessSettings.update({ where: { patientId: patient.id }, data: { treatingDoctorId: null } });
    await seedDemoData(db);
    expect((await db.patientAccessSettings.findUniqueOrThrow({ where: { patientId: patient.id } })).treatingDoctorId).toBeNull();
  });

  it("is idempotent: a second run duplicates nothing and keeps what a person changed", async () => {
    await seedDemoData(db);
    const before = await counts(db);
    await db.user.update({ where: { email: demoEmails[0] }, data: { firstName: "Camille-Édith" } });
    await seedDemoData(db);
    expect(await counts(db)).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { email: demoEmails[0] } })).firstName).toBe("Camille-Édith");
  });

  it("gives each demo document a real file, stored encrypted, that reads back with its recorded hash", async () => {
    await seedDemoData(db);
    const patient = await db.user.findUniqueOrThrow({ where: { email: "patient@demo.espace-sante.test" }, select: { id: true } });
    const documents = await db.document.findMany({ where: { ownerId: patient.id }, orderBy: { documentDate: "desc" } });
    expect(documents.map((d) => d.mimeType)).toEqual(["application/pdf", "application/pdf", "image/png", "application/pdf", "text/plain"]);
    for (const document of documents) {
      expect(document.storageKey).not.toBeNull();
      const key = unwrapDocumentKey(document.wrappedKey!, { documentId: document.id, masterKey });
      const bytes = await buffer(
        decryptingReader(await storage.openRead(document.storageKey!), { key, aad: `document-file:${document.id}` }),
      );
      expect(bytes.length).toBe(document.sizeBytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(document.sha256);
      expect(await inspectFileHead({ head: bytes, fileName: document.fileName!, isWholeFile: true })).toMatchObject({
        accepted: true,
        mimeType: document.mimeType,
      });
    }
    const prescription = documents.find((d) => d.category === "PRESCRIPTION")!;
    expect(prescription.extractedText).toContain("Amlodipine");
    expect(prescription).toMatchObject({ authorKind: "PROFESSIONAL", authorLabel: "Dr Sophie Bernard" });
    expect(documents.find((d) => d.category === "LAB_RESULTS")).toMatchObject({
      authorKind: "ESTABLISHMENT",
      authorLabel: "Laboratoire BioSanté Lyon 3",
    });
    expect(documents.filter((d) => d.hiddenFromProfessionals).map((d) => d.category)).toEqual(["REPORT"]);
    const uploads = await db.historyEntry.findMany({
      where: { patientId: patient.id, action: "DOCUMENT_UPLOADED" },
      select: { documentId: true, actorLabel: true },
    });
    expect(uploads).toHaveLength(5);
    // The history names who each document came from, not the patient for all.
    expect(uploads.find((u) => u.documentId === prescription.id)?.actorLabel).toBe("Dr Sophie Bernard");
    expect(uploads.find((u) => u.documentId === documents.find((d) => d.category === "LAB_RESULTS")!.id)?.actorLabel).toBe(
      "Laboratoire BioSanté Lyon 3",
    );

    // A title the person changed is kept on the next start.
    await db.document.update({ where: { id: prescription.id }, data: { title: "Mon ordonnance" } });
    await seedDemoData(db);
    expect((await db.document.findUniqueOrThrow({ where: { id: prescription.id } })).title).toBe("Mon ordonnance");

    // Seeding again stores no second copy of any file.
    await seedDemoData(db);
    const blobs = [];
    for await (const blob of storage.list(`${patient.id}/`)) blobs.push(blob.key);
    expect(blobs.sort()).toEqual(documents.map((d) => d.storageKey).sort());
  });

  it("replaces the first seeds' metadata-only rows by documents with files", async () => {
    await seedDemoData(db);
    const patient = await db.user.findUniqueOrThrow({ where: { email: "patient@demo.espace-sante.test" }, select: { id: true } });
    const withFile = await db.document.findFirstOrThrow({ where: { ownerId: patient.id, category: "IMAGING" } });
    await db.document.delete({ where: { id: withFile.id } });
    const legacyId = "5b0c1a3e-0000-4000-8000-000000000003";
    await db.document.create({
      data: {
        id: legacyId,
        ownerId: patient.id,
        title: withFile.title,
        category: "IMAGING",
        documentDate: withFile.documentDate,
        authorKind: "ESTABLISHMENT",
      },
    });
    await seedDemoData(db);
    const imaging = await db.document.findMany({ where: { ownerId: patient.id, category: "IMAGING" } });
    expect(imaging).toHaveLength(1);
    expect(imaging[0]).toMatchObject({ id: legacyId, title: withFile.title, mimeType: "image/png" });
    expect(imaging[0]!.storageKey).not.toBeNull();
  });

  it("stores argon2id password hashes, never the password", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: demoEmails[0] }, omit: { passwordHash: false } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("gives every demo account one confirmed authenticator holding the published secret", async () => {
    await seedDemoData(db);
    const users = await db.user.findMany({ where: { email: { in: demoEmails } }, select: { id: true } });
    for (const user of users) {
      expect(await db.authFactor.count({ where: { userId: user.id, kind: "TOTP", confirmedAt: { not: null } } })).toBe(1);
    }
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(DEMO_TOTP_SECRET) }).generate();
    expect(await verifyTotp(db, { userId: users[0].id, code })).toBe(true);
  });
});

describe("the embedded database across restarts", () => {
  it("keeps the data when stopped and started again, and a second start seeds no duplicates", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pglite-"));
    try {
      const run = async () => {
        const embedded = await startEmbeddedDatabase({ dataDir: join(dir, "pglite") });
        const db = createPrismaClient(embedded.url, 2);
        try {
          await applyMigrations(embedded.url);
          await seedDemoData(db, { storage: createLocalStorage({ root: join(dir, "vault") }), masterKey });
          return await counts(db);
        } finally {
          await db.$disconnect();
          await embedded.stop();
        }
      };
      const first = await run();
      expect(first.users).toBe(DEMO_ACCOUNTS.length);
      expect(await run()).toEqual(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses to open a folder another live process holds", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pglite-"));
    const embedded = await startEmbeddedDatabase({ dataDir: join(dir, "pglite") });
    try {
      // Simulate another holder: the lock names a live process that is not this one (our parent).
      writeFileSync(join(dir, "pglite.pid"), String(process.ppid));
      await expect(startEmbeddedDatabase({ dataDir: join(dir, "pglite") })).rejects.toThrow(/already in use by process/);
    } finally {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
