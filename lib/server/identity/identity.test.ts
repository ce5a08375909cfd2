import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/client";
import { withNirKey } from "@/lib/identifiers/nir";
import { withRppsCheckDigit } from "@/lib/identifiers/rpps";
import { identityDetailsSchema } from "@/lib/schemas/identity";
import { signUpInput } from "@/lib/schemas/sign-up";
import { signUp } from "@/lib/server/auth/sign-up/sign-up";
import { AppError } from "@/lib/server/errors";
import { verifyHistoryChain } from "@/lib/server/history/verify-history-chain";
import type { Actor } from "@/lib/server/policy/policy";
import { findPatientForProfessional } from "@/lib/server/professional/find-patient";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { getIdentityConflictForTicket } from "./get-identity-conflict";
import { getOwnIdentity } from "./get-own-identity";
import { qualifyIdentityInPerson } from "./qualify-identity-in-person";
import { qualifyWithActivationCode } from "./qualify-with-activation-code";
import { requestActivationLetter } from "./request-activation-letter";
import { resolveIdentityConflict } from "./resolve-identity-conflict";
import { updateIdentityDetails } from "./update-identity-details";

const ip = { ipAddress: "10.9.8.7" };
const BIRTH = "1985-05-12";

describe("identity qualification", () => {
  const db = useTestDb();
  const newNir = () => withNirKey(`2850575${String(100000 + Math.floor(Math.random() * 899999))}`);
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => "allowed",
      (error: unknown) => (error instanceof AppError ? `${error.code}${error.messageKey ? ` ${error.messageKey}` : ""}` : String(error)),
    );
  const actorOf = (userId: string, roles: Role[]): Actor => ({ userId, roles, stage: "FULL", hasConfirmedFactor: true });
  /** What the boundary gives a service acting for this person, from the test's address. */
  const as = (actor: Actor) => testCtx(db, { actor, ip: ip.ipAddress });

  /** A patient as sign-up makes them (the NIR declared, nothing checked), then confirmed. */
  async function newPatient({ nir, firstName = "Léa", address = true }: { nir?: string; firstName?: string; address?: boolean } = {}) {
    const email = `id-${randomUUID()}@test.local`;
    await signUp(testCtx(db, { ip: null }), {
      input: signUpInput.parse({
        firstName,
        lastName: "Roux",
        birthDate: BIRTH,
        email,
        password: "une phrase de passe assez longue",
        nir: nir ?? "",
      }),
      locale: "fr",
    });
    const user = await db.user.update({
      where: { email },
      data: { status: "ACTIVE", ...(address ? { addressLine1: "3 rue des Lilas", postalCode: "69003", city: "Lyon" } : {}) },
      select: { id: true },
    });
    return { id: user.id, email, actor: actorOf(user.id, ["PATIENT"]) };
  }

  async function newProfessional({ emergencyStaff = false } = {}) {
    const user = await db.user.create({
      data: {
        email: `pro-${randomUUID()}@test.local`,
        firstName: "Sophie",
        lastName: "Bernard",
        status: "ACTIVE",
        roles: ["PROFESSIONAL"],
      },
      select: { id: true },
    });
    const professional = await db.professional.create({
      data: {
        userId: user.id,
        rpps: withRppsCheckDigit(String(3000000000 + Math.floor(Math.random() * 99999999))),
        firstName: "Sophie",
        lastName: "Bernard",
        profession: "Médecin",
        city: "Lyon",
        emergencyStaff,
      },
      select: { id: true },
    });
    return { id: professional.id, actor: actorOf(user.id, ["PROFESSIONAL"]) };
  }

  async function agent(): Promise<StaffActor> {
    const user = await db.user.create({
      data: { email: `sup-${randomUUID()}@test.local`, firstName: "Julie", lastName: "Moreau", status: "ACTIVE", roles: ["SUPPORT"] },
      select: { id: true },
    });
    return { userId: user.id, role: "SUPPORT", label: "Julie Moreau", actor: actorOf(user.id, ["SUPPORT"]) };
  }

  const asTreatingDoctor = (patientId: string, professionalId: string) =>
    db.patientAccessSettings.create({ data: { patientId, treatingDoctorId: professionalId } });
  const find = (pro: Actor, nir: string) =>
    findPatientForProfessional(testCtx(db, { actor: pro, ip: ip.ipAddress }), { identifier: nir, birthDate: BIRTH }).then(
      (patient) => patient.id,
    );
  const inPerson = (pro: Actor, patientId: string, nir: string) =>
    qualifyIdentityInPerson(as(pro), { patientId, nir, documentType: "NATIONAL_ID_CARD", checked: true });
  const letterCode = async (patientId: string) => {
    const name = (await db.user.findUniqueOrThrow({ where: { id: patientId }, select: { firstName: true } })).firstName;
    const letters = await db.outboundMessage.findMany({
      where: { channel: "LETTER", body: { contains: `Bonjour ${name},` } },
      orderBy: { createdAt: "desc" },
      select: { body: true, recipient: true },
    });
    return { letters, code: letters[0]?.body.match(/\b[A-Z0-9]{5}-[A-Z0-9]{5}\b/)?.[0] };
  };

  it("stops a squatter: a declared NIR finds no one, the real person qualified in person is found, and the squatter's later qualification is a conflict", async () => {
    const nir = newNir();
    const attacker = await newPatient({ nir, firstName: "Mallory" });
    const doctor = await newProfessional();
    // The attacker declared the victim's NIR, name and birth date: a professional finds no one by it.
    expect(await codeOf(find(doctor.actor, nir))).toBe("NOT_FOUND pro.find.notFound");

    const victim = await newPatient({ nir, firstName: "Victime" });
    await asTreatingDoctor(victim.id, doctor.id);
    expect(await inPerson(doctor.actor, victim.id, nir)).toEqual({ outcome: "QUALIFIED" });
    expect(await find(doctor.actor, nir)).toBe(victim.id);
    expect(await db.identityQualification.findUniqueOrThrow({ where: { userId: victim.id } })).toMatchObject({
      nir,
      method: "IN_PERSON",
      documentType: "NATIONAL_ID_CARD",
      professionalId: doctor.id,
      qualifiedByLabel: "Sophie Bernard (Médecin)",
    });
    // The patient sees it in their history, with who and how (never a document number).
    expect(await db.historyEntry.findFirstOrThrow({ where: { patientId: victim.id, action: "IDENTITY_QUALIFIED" } })).toMatchObject({
      actorId: doctor.actor.userId,
      actorRole: "PROFESSIONAL",
      details: { method: "IN_PERSON", documentType: "NATIONAL_ID_CARD", professionalId: doctor.id },
    });
    expect(await db.securityEvent.count({ where: { userId: victim.id, kind: "IDENTITY_QUALIFIED" } })).toBe(1);

    // The attacker has the letter sent to their own address and enters its code: not qualified, a conflict.
    await requestActivationLetter(as(attacker.actor));
    const { code } = await letterCode(attacker.id);
    expect(await qualifyWithActivationCode(as(attacker.actor), { code: code! })).toEqual({ outcome: "CONFLICT" });
    expect(await db.identityQualification.findUnique({ where: { userId: attacker.id } })).toBeNull();
    expect(await find(doctor.actor, nir)).toBe(victim.id);

    // Both told: a ticket each (IDENTITY), an alert that opens it, a mail; neither names the other.
    const conflict = await db.identityConflict.findFirstOrThrow({
      where: { claimantId: attacker.id },
      include: { holderTicket: true, claimantTicket: true },
    });
    expect(conflict).toMatchObject({ nir, holderId: victim.id, method: "POSTAL_CODE", documentType: null, resolvedAt: null });
    expect([conflict.holderTicket?.requesterId, conflict.holderTicket?.topic, conflict.holderTicket?.status]).toEqual([
      victim.id,
      "IDENTITY",
      "OPEN",
    ]);
    expect([conflict.claimantTicket?.requesterId, conflict.claimantTicket?.topic]).toEqual([attacker.id, "IDENTITY"]);
    for (const [party, ticketId] of [
      [victim, conflict.holderTicketId],
      [attacker, conflict.claimantTicketId],
    ] as const) {
      expect(
        await db.notification.findMany({ where: { userId: party.id, kind: "IDENTITY_CONFLICT" }, select: { ticketId: true } }),
      ).toEqual([{ ticketId }]);
      const mails = await db.outboundMessage.findMany({
        where: { recipient: party.email, channel: "EMAIL" },
        select: { subject: true, body: true },
      });
      expect(mails.map((mail) => mail.subject)).toContainEqual(
        party === victim ? "Tentative sur votre identité de santé" : "Votre identité n'a pas pu être qualifiée",
      );
      expect(mails.map((mail) => mail.body).join("\n")).not.toContain(party === victim ? "Mallory" : "Victime");
    }
    const holderEntry = await db.historyEntry.findFirstOrThrow({
      where: { patientId: victim.id, action: "IDENTITY_QUALIFICATION_CONFLICT" },
    });
    expect(holderEntry).toMatchObject({ actorId: null, actorLabel: "Identitovigilance" });
    const messages = await db.supportMessage.findMany({
      where: { ticketId: { in: [conflict.holderTicketId!, conflict.claimantTicketId!] } },
      select: { body: true },
    });
    expect(messages.map((m) => m.body).join("\n")).not.toContain(nir);
    expect(await verifyHistoryChain(db, victim.id)).toMatchObject({ intact: true });

    // A second try by the attacker changes nothing and opens nothing more.
    await requestActivationLetter(as(attacker.actor));
    expect(await codeOf(qualifyWithActivationCode(as(attacker.actor), { code: (await letterCode(attacker.id)).code! }))).toBe(
      "CONFLICT identity.errors.conflictPending",
    );
    expect(await db.identityConflict.count({ where: { nir } })).toBe(1);
    expect(await getOwnIdentity(as(attacker.actor))).toMatchObject({
      qualification: null,
      openConflictTicket: { id: conflict.claimantTicketId },
    });

    // Support sees both parties' ids and the qualifications' metadata, and settles it: the holder keeps it.
    const staff = await agent();
    const view = await getIdentityConflictForTicket(testCtx(db), { staff, ticketId: conflict.claimantTicketId! });
    expect(view).toMatchObject({
      nir,
      holder: { id: victim.id, qualification: { method: "IN_PERSON", documentType: "NATIONAL_ID_CARD", by: "Sophie Bernard (Médecin)" } },
      claimant: { id: attacker.id, claim: { method: "POSTAL_CODE", documentType: null } },
    });
    await resolveIdentityConflict(testCtx(db, { ip: ip.ipAddress }), {
      staff,
      conflictId: conflict.id,
      resolution: "KEPT_HOLDER",
      reason: "Pièce d'identité vérifiée par téléphone avec la titulaire",
    });
    expect(await find(doctor.actor, nir)).toBe(victim.id);
    expect(
      await db.supportTicket.count({ where: { id: { in: [conflict.holderTicketId!, conflict.claimantTicketId!] }, status: "CLOSED" } }),
    ).toBe(2);
    expect(await db.notification.count({ where: { userId: { in: [victim.id, attacker.id] }, kind: "IDENTITY_CONFLICT_RESOLVED" } })).toBe(
      2,
    );
    expect(
      await db.staffAuditEntry.findFirstOrThrow({ where: { action: "IDENTITY_CONFLICT_RESOLVED", actorId: staff.userId } }),
    ).toMatchObject({ targetUserId: attacker.id, details: { resolution: "KEPT_HOLDER", holderId: victim.id } });
    expect(
      await codeOf(
        resolveIdentityConflict(testCtx(db), {
          staff,
          conflictId: conflict.id,
          resolution: "MOVED_TO_CLAIMANT",
          reason: "Deuxième décision concurrente",
        }),
      ),
    ).toBe("CONFLICT identity.errors.conflictResolved");
  });

  it("lets support move a qualification to the claimant when the holder was the impostor", async () => {
    const nir = newNir();
    const impostor = await newPatient({ nir, firstName: "Imposteur" });
    // The impostor's own letter, to their own address: the postal path proves the address, not the person.
    await requestActivationLetter(as(impostor.actor));
    expect(await qualifyWithActivationCode(as(impostor.actor), { code: (await letterCode(impostor.id)).code! })).toEqual({
      outcome: "QUALIFIED",
    });

    const real = await newPatient({ nir, firstName: "Réelle" });
    const doctor = await newProfessional();
    await asTreatingDoctor(real.id, doctor.id);
    expect(await inPerson(doctor.actor, real.id, nir)).toEqual({ outcome: "CONFLICT" });
    const conflict = await db.identityConflict.findFirstOrThrow({ where: { claimantId: real.id } });
    await resolveIdentityConflict(testCtx(db, { ip: ip.ipAddress }), {
      staff: await agent(),
      conflictId: conflict.id,
      resolution: "MOVED_TO_CLAIMANT",
      reason: "Carte d'identité vue en personne par le médecin traitant",
    });

    expect(await find(doctor.actor, nir)).toBe(real.id);
    expect(await db.identityQualification.findUnique({ where: { userId: impostor.id } })).toBeNull();
    expect(await db.identityQualification.findUniqueOrThrow({ where: { userId: real.id } })).toMatchObject({
      method: "IN_PERSON",
      documentType: "NATIONAL_ID_CARD",
      professionalId: doctor.id,
    });
    expect(await db.securityEvent.count({ where: { userId: impostor.id, kind: "IDENTITY_QUALIFICATION_WITHDRAWN" } })).toBe(1);
    expect(await db.historyEntry.count({ where: { patientId: real.id, action: "SUPPORT_IDENTITY_CONFLICT_RESOLVED" } })).toBe(1);
  });

  it("lets only a professional who follows the patient qualify in person, with the declared NIR and a NIR that fits the birth date", async () => {
    const nir = newNir();
    const patient = await newPatient({ nir });
    const stranger = await newProfessional();
    const emergency = await newProfessional({ emergencyStaff: true });
    const doctor = await newProfessional();
    expect(await codeOf(inPerson(stranger.actor, patient.id, nir))).toBe("FORBIDDEN identity.errors.noStandingAccess");
    // Breaking the glass opens documents for care; it does not vouch for who someone is.
    await db.emergencyAccess.create({
      data: {
        patientId: patient.id,
        professionalId: emergency.id,
        reason: "Urgence vitale, patient inconscient",
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    expect(await codeOf(inPerson(emergency.actor, patient.id, nir))).toBe("FORBIDDEN identity.errors.noStandingAccess");
    expect(await codeOf(inPerson(patient.actor, patient.id, nir))).toBe("FORBIDDEN");

    await db.accessGrant.create({
      data: { patientId: patient.id, professionalId: doctor.id, scope: "CATEGORIES", categories: ["LAB_RESULTS"], validFrom: new Date() },
    });
    expect(await codeOf(inPerson(doctor.actor, patient.id, newNir()))).toBe("BAD_REQUEST identity.errors.nirDiffersFromDeclared");
    expect(
      await codeOf(
        qualifyIdentityInPerson(as(doctor.actor), { patientId: patient.id, nir, documentType: "PASSPORT", checked: false as never }),
      ),
    ).toBe("BAD_REQUEST identity.form.checkedRequired");
    expect(
      await codeOf(
        qualifyIdentityInPerson(as(doctor.actor), {
          patientId: patient.id,
          nir: `${nir.slice(0, 13)}00`,
          documentType: "PASSPORT",
          checked: true,
        }),
      ),
    ).toBe("BAD_REQUEST identity.form.nirInvalid");

    // No NIR declared: the professional's becomes it, if it fits the birth date (born May 1985).
    const undeclared = await newPatient();
    await asTreatingDoctor(undeclared.id, doctor.id);
    expect(await codeOf(inPerson(doctor.actor, undeclared.id, withNirKey("2860575123456")))).toBe(
      "BAD_REQUEST identity.errors.nirDoesNotMatchBirthDate",
    );
    const fitting = newNir();
    expect(await inPerson(doctor.actor, undeclared.id, fitting)).toEqual({ outcome: "QUALIFIED" });
    expect(await db.user.findUniqueOrThrow({ where: { id: undeclared.id }, select: { declaredNir: true } })).toEqual({
      declaredNir: fitting,
    });
    expect(await codeOf(inPerson(doctor.actor, undeclared.id, fitting))).toBe("CONFLICT identity.errors.alreadyQualified");
    // Qualified, the NIR no longer changes from the patient's side.
    const details = identityDetailsSchema.parse({ nir: newNir(), addressLine1: "", addressLine2: "", postalCode: "", city: "" });
    expect(await codeOf(updateIdentityDetails(as(undeclared.actor), details))).toBe("CONFLICT identity.errors.qualifiedNirLocked");
  });

  it("posts a single-use code to the address on file: a letter in the outbox, wrong codes refused, three letters a month", async () => {
    const nir = newNir();
    const noAddress = await newPatient({ nir, address: false });
    expect(await codeOf(requestActivationLetter(as(noAddress.actor)))).toBe("BAD_REQUEST identity.errors.addressRequired");
    const noNir = await newPatient();
    expect(await codeOf(requestActivationLetter(as(noNir.actor)))).toBe("BAD_REQUEST identity.errors.nirRequired");

    const patient = await newPatient({ nir, firstName: "Postale" });
    const { expiresAt } = await requestActivationLetter(as(patient.actor));
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3_600_000);
    const { letters, code } = await letterCode(patient.id);
    expect(letters).toHaveLength(1);
    expect(letters[0].recipient).toBe("Postale ROUX, 3 rue des Lilas, 69003 LYON");
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    // Stored as a keyed hash, bound to the NIR; the patient is told by mail that a letter is coming.
    const stored = await db.verificationCode.findFirstOrThrow({ where: { userId: patient.id, purpose: "IDENTITY_ACTIVATION" } });
    expect(stored.codeHash).not.toContain(code!.replace("-", ""));
    expect(stored.target).toBe(nir);
    expect(
      await db.outboundMessage.count({
        where: { recipient: patient.email, subject: "Un courrier d'activation de votre identité est en route" },
      }),
    ).toBe(1);
    expect(await getOwnIdentity(as(patient.actor))).toMatchObject({
      declaredNir: nir,
      qualification: null,
      letterExpiresAt: stored.expiresAt,
    });

    expect(await codeOf(qualifyWithActivationCode(as(patient.actor), { code: "AAAAA-AAAAA" }))).toBe(
      "BAD_REQUEST identity.errors.codeRefused",
    );
    expect(await codeOf(qualifyWithActivationCode(as(patient.actor), { code: "12" }))).toBe("BAD_REQUEST identity.form.codeInvalid");
    // Typed in lower case and without the dash, it works once.
    expect(await qualifyWithActivationCode(as(patient.actor), { code: code!.replace("-", " ").toLowerCase() })).toEqual({
      outcome: "QUALIFIED",
    });
    expect(await db.identityQualification.findUniqueOrThrow({ where: { userId: patient.id } })).toMatchObject({
      nir,
      method: "POSTAL_CODE",
      documentType: null,
      professionalId: null,
    });
    expect(await codeOf(qualifyWithActivationCode(as(patient.actor), { code: code! }))).toBe("BAD_REQUEST identity.errors.codeRefused");
    expect(await find((await newProfessional()).actor, nir)).toBe(patient.id);

    // A code stops counting once the NIR it was sent for changes; five wrong tries spend a code.
    const other = await newPatient({ nir: newNir(), firstName: "Autre" });
    await requestActivationLetter(as(other.actor));
    const first = (await letterCode(other.id)).code!;
    await updateIdentityDetails(
      as(other.actor),
      identityDetailsSchema.parse({ nir: newNir(), addressLine1: "3 rue des Lilas", addressLine2: "", postalCode: "69003", city: "Lyon" }),
    );
    expect(await codeOf(qualifyWithActivationCode(as(other.actor), { code: first }))).toBe("BAD_REQUEST identity.errors.codeRefused");
    await requestActivationLetter(as(other.actor));
    const second = (await letterCode(other.id)).code!;
    for (let i = 0; i < 5; i += 1) await qualifyWithActivationCode(as(other.actor), { code: "ZZZZZ-ZZZZZ" }).catch(() => null);
    expect(await codeOf(qualifyWithActivationCode(as(other.actor), { code: second }))).toBe("BAD_REQUEST identity.errors.codeRefused");
    // Two letters so far this month; the third is allowed, the fourth is not.
    await requestActivationLetter(as(other.actor));
    expect(await codeOf(requestActivationLetter(as(other.actor)))).toBe("RATE_LIMITED identity.errors.tooManyLetters");
  });
});
