import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/client";
import { withRppsCheckDigit } from "@/lib/identifiers/rpps";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { addRecordEntry } from "./add-record-entry";
import { deleteRecordEntry } from "./delete-record-entry";
import { editRecordEntry } from "./edit-record-entry";
import { listRecordProfile } from "./list-record-profile";
import { setRecordEntryHidden } from "./set-record-entry-hidden";

/** The "Profil médical" services on a real database: who adds, reads, edits, deletes and hides what, and what the history says. */
describe("the medical profile", () => {
  const db = useTestDb();
  const ip = "10.16.0.1";
  let patient: Actor;
  let doctor: Actor; // médecin traitant
  let consented: Actor; // a consent to all visible documents, with adding
  let categories: Actor; // a consent to chosen categories, with adding: no profile
  let directivesDocumentId: string;
  let labDocumentId: string;

  async function user(roles: Role[], lastName = "Profil") {
    const { id } = await db.user.create({
      data: {
        email: `record-${randomUUID()}@test.local`,
        firstName: "Inès",
        lastName,
        status: "ACTIVE",
        roles,
        birthDate: new Date("1950-05-02"),
      },
      select: { id: true },
    });
    return { userId: id, roles, stage: "FULL", hasConfirmedFactor: true } as Actor;
  }
  async function professional(lastName: string) {
    const actor = await user(["PROFESSIONAL"], lastName);
    const rpps = withRppsCheckDigit(String(3100000000 + Math.floor(Math.random() * 99999999)));
    const { id } = await db.professional.create({
      data: { userId: actor!.userId, rpps, firstName: "Claire", lastName, profession: "Médecin", city: "Lyon" },
      select: { id: true },
    });
    return { actor, id };
  }
  const ctx = (actor: Actor) => testCtx(db, { actor, ip });
  const patientId = () => patient!.userId;
  const history = (action: string) =>
    db.historyEntry.findMany({
      where: { patientId: patientId(), action: action as never },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });

  beforeAll(async () => {
    patient = await user(["PATIENT"]);
    const [treating, all, some] = await Promise.all([professional("Traitant"), professional("Consentie"), professional("Catégories")]);
    doctor = treating.actor;
    consented = all.actor;
    categories = some.actor;
    await db.patientAccessSettings.create({ data: { patientId: patientId(), treatingDoctorId: treating.id } });
    await db.accessGrant.createMany({
      data: [
        { patientId: patientId(), professionalId: all.id, scope: "ALL_VISIBLE", canAdd: true, validFrom: new Date(Date.now() - 60_000) },
        {
          patientId: patientId(),
          professionalId: some.id,
          scope: "CATEGORIES",
          categories: ["LAB_RESULTS"],
          canAdd: true,
          validFrom: new Date(Date.now() - 60_000),
        },
      ],
    });
    const document = (category: "ADVANCE_DIRECTIVES" | "LAB_RESULTS") =>
      db.document.create({
        data: { ownerId: patientId(), title: "Directives", category, documentDate: new Date("2024-01-10"), authorKind: "PATIENT" },
        select: { id: true },
      });
    directivesDocumentId = (await document("ADVANCE_DIRECTIVES")).id;
    labDocumentId = (await document("LAB_RESULTS")).id;
  });

  it("lets the patient add one entry of each kind, marked as theirs, each with its history entry", async () => {
    const add = <K extends Parameters<typeof addRecordEntry>[1]["kind"]>(
      kind: K,
      fields: Parameters<typeof addRecordEntry<K>>[1]["fields"],
    ) => addRecordEntry(ctx(patient), { patientId: patientId(), kind, fields });
    await add("condition", {
      category: "MEDICAL",
      label: "Hypertension artérielle",
      onsetDate: "2015-03-01",
      status: "ACTIVE",
      note: "Suivie par le Dr Traitant",
    });
    await add("condition", { category: "FAMILY", label: "Diabète de type 2", relative: "Mère", status: "ACTIVE" });
    await add("allergy", { type: "ALLERGY", substance: "Pénicilline", reaction: "Urticaire", severity: "MODERATE", criticality: "HIGH" });
    await add("treatment", {
      medication: "Amlodipine",
      dose: "5 mg",
      frequency: "1 fois par jour",
      startDate: "2015-04-01",
      prescriber: "Dr Traitant",
    });
    await add("vaccination", {
      vaccineCode: "J07CA01",
      date: "2020-06-15",
      doseNumber: "1",
      lotNumber: "AB123",
      performer: "Pharmacie du Centre",
    });
    await add("directive", { kind: "ADVANCE_DIRECTIVES", documentId: directivesDocumentId, directiveDate: "2023-11-02" });
    await add("directive", { kind: "ORGAN_DONATION", organDonation: "CONSENTS" });
    await add("contact", { role: "TRUSTED_PERSON", name: "Paul Profil", relationship: "Fils", phone: "06 12 34 56 78" });

    const profile = await listRecordProfile(ctx(patient), { patientId: patientId() });
    expect(profile.condition.map((entry) => entry.label).sort()).toEqual(["Diabète de type 2", "Hypertension artérielle"]);
    expect(profile.allergy[0]).toMatchObject({
      substance: "Pénicilline",
      authorKind: "PATIENT",
      authorUserId: patientId(),
      authorLabel: "Inès Profil",
      canEdit: true,
      canHide: true,
    });
    expect(profile.vaccination[0]).toMatchObject({
      vaccineCode: "J07CA01",
      vaccineLabel: "dTP",
      doseNumber: 1,
      date: new Date("2020-06-15"),
    });
    expect(profile.directive.map((entry) => entry.kind).sort()).toEqual(["ADVANCE_DIRECTIVES", "ORGAN_DONATION"]);
    expect(profile.contact).toHaveLength(1);
    expect(profile.canAdd).toBe(true);

    const added = await history("RECORD_ENTRY_ADDED");
    expect(added).toHaveLength(8);
    // The history names the kind and the entry, never its content.
    expect(JSON.stringify(added)).not.toContain("Pénicilline");
    // The patient's own reads are not logged.
    expect(await history("PROFILE_VIEWED")).toHaveLength(0);
  });

  it("refuses what the schema refuses: a future date, a long note, a directive on a document of another category", async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await expect(
      addRecordEntry(ctx(patient), { patientId: patientId(), kind: "vaccination", fields: { vaccineCode: "J07CA01", date: future } }),
    ).rejects.toThrow();
    await expect(
      addRecordEntry(ctx(patient), {
        patientId: patientId(),
        kind: "allergy",
        fields: { type: "ALLERGY", substance: "Latex", note: "x".repeat(501) },
      }),
    ).rejects.toThrow();
    await expect(
      addRecordEntry(ctx(patient), {
        patientId: patientId(),
        kind: "directive",
        fields: { kind: "ADVANCE_DIRECTIVES", documentId: labDocumentId },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", field: "documentId" });
  });

  it("shows professionals the entries the patient did not hide, logs each read, and keeps the profile from a category consent", async () => {
    const [allergy] = (await listRecordProfile(ctx(patient), { patientId: patientId() })).allergy;
    await setRecordEntryHidden(ctx(patient), { kind: "allergy", entryId: allergy!.id, hidden: true });
    expect(await history("RECORD_ENTRY_HIDDEN")).toHaveLength(1);

    for (const reader of [doctor, consented]) {
      const seen = await listRecordProfile(ctx(reader), { patientId: patientId() });
      expect(seen.allergy).toEqual([]);
      expect(seen.condition).toHaveLength(2);
      expect(seen.condition.every((entry) => !entry.canEdit && !entry.canHide)).toBe(true);
    }
    const views = await history("PROFILE_VIEWED");
    expect(views.map((entry) => entry.actorId)).toEqual([doctor!.userId, consented!.userId]);
    await expect(listRecordProfile(ctx(categories), { patientId: patientId() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A hidden entry is not there for a professional, whatever they call.
    await expect(setRecordEntryHidden(ctx(doctor), { kind: "allergy", entryId: allergy!.id, hidden: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await setRecordEntryHidden(ctx(patient), { kind: "allergy", entryId: allergy!.id, hidden: false });
    expect((await listRecordProfile(ctx(doctor), { patientId: patientId() })).allergy).toHaveLength(1);
  });

  it("lets a professional with access add an entry marked as theirs, edit and delete only their own", async () => {
    const { id } = await addRecordEntry(ctx(consented), {
      patientId: patientId(),
      kind: "treatment",
      fields: { medication: "Ramipril", dose: "2,5 mg", frequency: "le matin", startDate: "2026-01-05" },
    });
    const row = await db.recordTreatment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      authorKind: "PROFESSIONAL",
      authorUserId: consented!.userId,
      authorLabel: expect.stringContaining("Consentie"),
    });
    const [added] = (await history("RECORD_ENTRY_ADDED")).filter((entry) => entry.actorId === consented!.userId);
    expect(added!.details).toMatchObject({ kind: "treatment", entryId: id, basis: "CONSENT" });

    await editRecordEntry(ctx(consented), {
      kind: "treatment",
      entryId: id,
      fields: { medication: "Ramipril", dose: "5 mg", startDate: "2026-01-05" },
    });
    expect((await db.recordTreatment.findUniqueOrThrow({ where: { id } })).dose).toBe("5 mg");

    // Nobody else rewrites it, the patient included; the patient's own entries are not the professional's to touch.
    await expect(editRecordEntry(ctx(doctor), { kind: "treatment", entryId: id, fields: { medication: "Autre" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(editRecordEntry(ctx(patient), { kind: "treatment", entryId: id, fields: { medication: "Autre" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(deleteRecordEntry(ctx(patient), { kind: "treatment", entryId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [own] = (await listRecordProfile(ctx(patient), { patientId: patientId() })).treatment.filter(
      (entry) => entry.authorKind === "PATIENT",
    );
    await expect(deleteRecordEntry(ctx(consented), { kind: "treatment", entryId: own!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A category consent may add documents, not profile entries.
    await expect(
      addRecordEntry(ctx(categories), { patientId: patientId(), kind: "allergy", fields: { type: "ALLERGY", substance: "Arachide" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    // The patient may hide it; then its author no longer reaches it either.
    await setRecordEntryHidden(ctx(patient), { kind: "treatment", entryId: id, hidden: true });
    await expect(deleteRecordEntry(ctx(consented), { kind: "treatment", entryId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setRecordEntryHidden(ctx(patient), { kind: "treatment", entryId: id, hidden: false });
    await deleteRecordEntry(ctx(consented), { kind: "treatment", entryId: id });
    expect(await db.recordTreatment.count({ where: { id } })).toBe(0);
    expect((await history("RECORD_ENTRY_DELETED")).map((entry) => entry.details)).toEqual([
      expect.objectContaining({ kind: "treatment", entryId: id }),
    ]);
  });

  it("lets the patient edit and delete their own entry", async () => {
    const { id } = await addRecordEntry(ctx(patient), {
      patientId: patientId(),
      kind: "contact",
      fields: { role: "EMERGENCY_CONTACT", name: "Léa", email: "lea@example.org" },
    });
    await editRecordEntry(ctx(patient), {
      kind: "contact",
      entryId: id,
      fields: { role: "EMERGENCY_CONTACT", name: "Léa Profil", phone: "+33 6 00 00 00 00" },
    });
    expect(await db.recordContact.findUniqueOrThrow({ where: { id }, select: { name: true, email: true } })).toEqual({
      name: "Léa Profil",
      email: null,
    });
    await deleteRecordEntry(ctx(patient), { kind: "contact", entryId: id });
    expect(await db.recordContact.count({ where: { id } })).toBe(0);
  });

  it("refuses anyone without a full session", async () => {
    const half = { ...patient!, stage: "PASSWORD_VERIFIED" } as Actor;
    const error = await listRecordProfile(ctx(half), { patientId: patientId() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
