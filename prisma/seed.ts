/**
 * Demo data for a newcomer to look around: idempotent (upserts on natural keys and fixed ids), so
 * every start may run it without duplicating anything, and it never overwrites what a person changed
 * in the demo accounts (passwords are set on creation only).
 */
import type { Db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/auth/password-hash";
import { enrolTotpWithSecret } from "@/lib/server/auth/totp/enrol-totp-with-secret";
import { withNirKey } from "@/lib/identifiers/nir";
import { withRppsCheckDigit } from "@/lib/identifiers/rpps";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { systemCtx } from "@/lib/server/context/ctx";
import { receiveUpload, type ReceiveUploadInput } from "@/lib/server/vault/upload/receive-upload";
import { recordHistory } from "@/lib/server/history/record-history";
import { demoFiles } from "./demo-files";
import { seedDemoCatalogue } from "./demo-catalogue";
import { seedDemoOAuthClients } from "./demo-oauth-clients";
import { upsertDemoProfessionals } from "./demo-professionals";
import { seedDemoRecord } from "./demo-record";

import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./demo-credentials";

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };

export const DEMO_ACCOUNTS = [
  {
    key: "patient",
    email: "patient@demo.espace-sante.test",
    firstName: "Camille",
    lastName: "Martin",
    roles: ["PATIENT"],
    birthDate: "1984-05-12",
  },
  {
    key: "doctor",
    email: "dr.bernard@demo.espace-sante.test",
    firstName: "Sophie",
    lastName: "Bernard",
    roles: ["PROFESSIONAL"],
    birthDate: "1976-02-03",
  },
  {
    key: "nurse",
    email: "t.petit@demo.espace-sante.test",
    firstName: "Thomas",
    lastName: "Petit",
    roles: ["PROFESSIONAL"],
    birthDate: "1990-09-21",
  },
  {
    key: "emergency",
    email: "dr.haddad@demo.espace-sante.test",
    firstName: "Karim",
    lastName: "Haddad",
    roles: ["PROFESSIONAL"],
    birthDate: "1981-11-30",
  },
  {
    key: "support",
    email: "support@demo.espace-sante.test",
    firstName: "Julie",
    lastName: "Moreau",
    roles: ["SUPPORT"],
    birthDate: "1993-04-17",
  },
  {
    key: "curator",
    email: "curation@demo.espace-sante.test",
    firstName: "Nicolas",
    lastName: "Laurent",
    roles: ["CURATOR"],
    birthDate: "1987-07-08",
  },
  {
    key: "admin",
    email: "admin@demo.espace-sante.test",
    firstName: "Claire",
    lastName: "Dubois",
    roles: ["ADMIN"],
    birthDate: "1979-12-01",
  },
] as const;

const PROFESSIONALS = [
  {
    account: "doctor",
    rpps: withRppsCheckDigit("1010000001"),
    profession: "Médecin",
    specialty: "Médecine générale",
    city: "Lyon",
    emergencyStaff: false,
  },
  {
    account: "nurse",
    rpps: withRppsCheckDigit("1010000002"),
    profession: "Infirmier",
    specialty: null,
    city: "Villeurbanne",
    emergencyStaff: false,
  },
  {
    account: "emergency",
    rpps: withRppsCheckDigit("1010000003"),
    profession: "Médecin",
    specialty: "Médecine d'urgence (SAMU)",
    city: "Lyon",
    emergencyStaff: true,
  },
] as const;

/**
 * Fixed ids, so that a later start recognises each demo document (and keeps what the person changed).
 * The first seeds made metadata-only rows under the same ids; those are replaced by documents with files.
 */
const DOCUMENTS = [
  {
    id: "5b0c1a3e-0000-4000-8000-000000000001",
    title: "Ordonnance – traitement de l'hypertension",
    category: "PRESCRIPTION",
    documentDate: "2026-09-14",
    authorKind: "PROFESSIONAL",
    by: "doctor",
    hidden: false,
  },
  {
    id: "5b0c1a3e-0000-4000-8000-000000000002",
    title: "Bilan sanguin annuel",
    category: "LAB_RESULTS",
    documentDate: "2026-06-02",
    authorKind: "ESTABLISHMENT",
    label: "Laboratoire BioSanté Lyon 3",
    hidden: false,
  },
  {
    id: "5b0c1a3e-0000-4000-8000-000000000003",
    title: "Radiographie du genou gauche",
    category: "IMAGING",
    documentDate: "2025-11-20",
    authorKind: "ESTABLISHMENT",
    label: "Centre d'imagerie Bellecour",
    hidden: false,
  },
  {
    id: "5b0c1a3e-0000-4000-8000-000000000004",
    title: "Carnet de vaccination",
    category: "VACCINATION",
    documentDate: "2024-03-08",
    authorKind: "PATIENT",
    by: "patient",
    hidden: false,
  },
  {
    id: "5b0c1a3e-0000-4000-8000-000000000005",
    title: "Compte rendu de consultation de psychiatrie",
    category: "REPORT",
    documentDate: "2025-01-27",
    authorKind: "PATIENT",
    by: "patient",
    hidden: true,
  },
] as const;

export type SeedSummary = { users: number; professionals: number; documents: number; apps: number };

export type SeedOptions = {
  /** Where the demo documents' files go: the configured storage. */
  storage: BlobStorage;
  /** The configured master key, which wraps each file's data key. */
  masterKey: Buffer;
};

/** The demo patient's NIR (fictional, with a valid key) and space code, printed in the README. */
export const DEMO_PATIENT_NIR = withNirKey("2840569123456");
export const DEMO_PATIENT_SPACE_CODE = "ENS-DEMA2345";

export async function seedDemoData(db: Db, { storage, masterKey }: SeedOptions): Promise<SeedSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: account.email },
      update: {},
      create: {
        email: account.email,
        passwordHash,
        firstName: account.firstName,
        lastName: account.lastName,
        birthDate: new Date(account.birthDate),
        roles: [...account.roles],
        status: "ACTIVE",
        emailVerifiedAt: new Date(),
      },
      select: { id: true },
    });
    ids.set(account.key, user.id);
    // Every account needs a second factor before reaching anything: the demo ones share a known one.
    await enrolTotpWithSecret(db, { userId: user.id, secretBase32: DEMO_TOTP_SECRET, label: "Démo" });
  }

  for (const { account, ...pro } of PROFESSIONALS) {
    const person = DEMO_ACCOUNTS.find((a) => a.key === account)!;
    await db.professional.upsert({
      where: { rpps: pro.rpps },
      update: {},
      create: { ...pro, userId: ids.get(account), firstName: person.firstName, lastName: person.lastName },
    });
  }
  const directorySize = await upsertDemoProfessionals(db);

  const ownerId = ids.get("patient")!;
  // What a professional needs to find the demo patient (with the birth date 1984-05-12): a NIR and a
  // space code, set only if the account has none (a person's own changes are kept).
  await db.user.updateMany({ where: { id: ownerId, declaredNir: null }, data: { declaredNir: DEMO_PATIENT_NIR } });
  await db.user.updateMany({ where: { id: ownerId, spaceCode: null }, data: { spaceCode: DEMO_PATIENT_SPACE_CODE } });
  // Dr Bernard is the demo patient's médecin traitant, unless the patient already chose otherwise.
  const doctor = await db.professional.findUniqueOrThrow({ where: { userId: ids.get("doctor") }, select: { id: true } });
  await db.patientAccessSettings.upsert({
    where: { patientId: ownerId },
    update: {},
    create: { patientId: ownerId, treatingDoctorId: doctor.id },
  });
  await qualifyDemoPatient(db, { patientId: ownerId, doctorId: doctor.id });
  const files = demoFiles();
  for (const doc of DOCUMENTS) {
    // Under its fixed id, so that what the person changed since (title, category…) is kept. A row
    // without a file is an earlier seed's, replaced by the document with its file.
    const seeded = await db.document.findUnique({ where: { id: doc.id }, select: { storageKey: true } });
    if (seeded && !seeded.storageKey) await db.document.delete({ where: { id: doc.id }, select: { id: true } });
    if (!seeded?.storageKey) {
      const { fileName, bytes } = files[doc.title];
      const author: ReceiveUploadInput["author"] =
        doc.authorKind === "PROFESSIONAL"
          ? { kind: "PROFESSIONAL", label: professionalLabel(doc.by), addedById: ids.get(doc.by) }
          : doc.authorKind === "ESTABLISHMENT"
            ? { kind: "ESTABLISHMENT", label: doc.label }
            : undefined;
      // Through the real pipeline: type check, encryption, storage, the row and its history entry.
      // As the patient whose space it is: receiveUpload authorizes on the ctx's actor.
      const asOwner = Object.assign(systemCtx({ job: "seed", db, storage }), {
        actor: { userId: ownerId, roles: ["PATIENT" as const], stage: "FULL" as const, hasConfirmedFactor: true },
      });
      const { documentId } = await receiveUpload(
        asOwner,
        {
          documentId: doc.id,
          body: new Blob([new Uint8Array(bytes)]).stream(),
          declaredLength: bytes.length,
          fileName,
          metadata: { title: doc.title, category: doc.category, documentDate: doc.documentDate, note: null },
          author,
        },
        { masterKey, maxFileBytes: bytes.length, quotaBytes: Number.MAX_SAFE_INTEGER },
      );
      if (doc.hidden)
        await db.document.update({ where: { id: documentId }, data: { hiddenFromProfessionals: true }, select: { id: true } });
    }
  }

  await seedDemoRecord(db, { patientId: ownerId, doctorUserId: ids.get("doctor")! });

  const apps = await seedDemoCatalogue(db);
  await seedDemoOAuthClients(db);

  return { users: DEMO_ACCOUNTS.length, professionals: PROFESSIONALS.length + directorySize, documents: DOCUMENTS.length, apps };
}

function professionalLabel(key: string): string {
  const person = DEMO_ACCOUNTS.find((account) => account.key === key)!;
  return `Dr ${person.firstName} ${person.lastName}`;
}

/**
 * Only a qualified NIR finds anyone, so the demo NIR is qualified, as Dr Bernard would have done in
 * person on an identity card. On databases seeded before qualification existed too (the seed runs at
 * every start). Skipped if the patient declared another NIR or already has a qualification, or if the
 * demo NIR is qualified on another space: ON CONFLICT DO NOTHING covers both unique indexes.
 */
async function qualifyDemoPatient(db: Db, { patientId, doctorId }: { patientId: string; doctorId: string }) {
  const patient = await db.user.findUniqueOrThrow({ where: { id: patientId }, select: { declaredNir: true } });
  if (patient.declaredNir !== DEMO_PATIENT_NIR) return;
  const doctor = DEMO_ACCOUNTS.find((account) => account.key === "doctor")!;
  const created = await db.identityQualification.createMany({
    data: [
      {
        userId: patientId,
        nir: DEMO_PATIENT_NIR,
        method: "IN_PERSON",
        documentType: "NATIONAL_ID_CARD",
        professionalId: doctorId,
        qualifiedByLabel: `${doctor.firstName} ${doctor.lastName} (Médecin)`,
      },
    ],
    skipDuplicates: true,
  });
  if (created.count === 0) return;
  const doctorUser = await db.user.findUniqueOrThrow({ where: { email: doctor.email }, select: { id: true } });
  await db.$transaction((tx) =>
    recordHistory(tx, {
      patientId,
      actor: { userId: doctorUser.id, role: "PROFESSIONAL", label: `${doctor.firstName} ${doctor.lastName}` },
      action: "IDENTITY_QUALIFIED",
      details: { method: "IN_PERSON", documentType: "NATIONAL_ID_CARD", professionalId: doctorId },
    }),
  );
}
