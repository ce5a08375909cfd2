import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withRppsCheckDigit } from "@/lib/identifiers/rpps";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { verifyHistoryChain } from "@/lib/server/history/verify-history-chain";
import type { Actor } from "@/lib/server/policy/policy";
import { breakGlass } from "@/lib/server/professional/break-glass";
import { testCtx } from "@/lib/testing/ctx";
import { useOwnerTestDb, useTestDb } from "@/lib/testing/test-db";
import { blockProfessional } from "./block-professional";
import type { ReceiptSnapshot } from "./consent-record";
import { decideAccessRequest } from "./decide-access-request";
import { endEmergencyAccess } from "./end-emergency-access";
import { getAccessOverview } from "./get-access-overview";
import { getProfessionalAccess } from "./get-professional-access";
import { getReceipt } from "./get-receipt";
import { grantAccess } from "./grant-access";
import { listGrantableDocuments } from "./list-grantable-documents";
import { listReceipts } from "./list-receipts";
import { renderReceiptText } from "./render-receipt";
import { revokeAccess } from "./revoke-access";
import { searchDirectory } from "./search-directory";
import { setAlertSettings } from "./set-alert-settings";
import { setEmergencyAccess } from "./set-emergency-access";
import { setTreatingDoctor } from "./set-treating-doctor";
import { unblockProfessional } from "./unblock-professional";

const actorOf = (userId: string, role: "PATIENT" | "PROFESSIONAL" | "SUPPORT"): Actor => ({
  userId,
  roles: [role],
  stage: "FULL",
  hasConfirmedFactor: true,
});
const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;

/** Expects an AppError with this code (and, when given, this message key and field). */
async function expectAppError(promise: Promise<unknown>, code: string, extra: { messageKey?: string; field?: string } = {}) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code, ...extra });
}

describe("the patient's consent services", () => {
  const db = useTestDb();
  const owner = useOwnerTestDb();

  async function newUser(role: "PATIENT" | "PROFESSIONAL" | "SUPPORT", firstName = "Léa", lastName = "Roux") {
    const user = await db.user.create({
      data: { email: `consent-${randomUUID()}@test.local`, firstName, lastName, roles: [role], status: "ACTIVE" },
      select: { id: true },
    });
    return actorOf(user.id, role);
  }

  async function newPatient(): Promise<{ ctx: SignedInCtx; actor: Actor; patientId: string }> {
    const actor = await newUser("PATIENT", "Camille", "Testeur");
    return { ctx: testCtx(db, { actor, ip: "10.1.2.3" }), actor, patientId: actor.userId };
  }

  async function newProfessional(
    fields: Partial<{
      firstName: string;
      lastName: string;
      profession: string;
      specialty: string | null;
      city: string;
      emergencyStaff: boolean;
    }> = {},
  ) {
    const actor = await newUser("PROFESSIONAL");
    const professional = await db.professional.create({
      data: {
        userId: actor.userId,
        rpps: withRppsCheckDigit(String(randomInt(1e9, 1e10 - 1)).padStart(10, "9")),
        firstName: "Hélène",
        lastName: `Lefèvre-${randomUUID().slice(0, 6)}`,
        profession: "Médecin",
        specialty: "Cardiologie",
        city: "Lyon",
        ...fields,
      },
      select: { id: true, firstName: true, lastName: true, rpps: true },
    });
    return { ...professional, actor };
  }

  async function newDocument(
    ownerId: string,
    category: "LAB_RESULTS" | "IMAGING" | "REPORT" = "LAB_RESULTS",
    extra: { deletedAt?: Date; hiddenFromProfessionals?: boolean } = {},
  ) {
    const doc = await db.document.create({
      data: {
        ownerId,
        title: `Document secret ${randomUUID()}`,
        category,
        documentDate: new Date("2026-01-10"),
        authorKind: "PATIENT",
        ...extra,
      },
      select: { id: true, category: true, hiddenFromProfessionals: true, deletedAt: true, title: true },
    });
    return doc;
  }

  const historyOf = (patientId: string) =>
    db.historyEntry.findMany({
      where: { patientId },
      orderBy: { sequence: "asc" },
      select: { action: true, details: true, actorLabel: true, documentTitle: true },
    });
  const receiptsOf = (patientId: string) =>
    db.consentReceipt.findMany({
      where: { patientId },
      orderBy: { createdAt: "asc" },
      select: { id: true, change: true, snapshot: true, professionalId: true },
    });

  it("grants one category until a day, then changes it to read-and-add: a receipt and a history entry each, no document title", async () => {
    const patient = await newPatient();
    const pro = await newProfessional();
    const lab = await newDocument(patient.patientId, "LAB_RESULTS");
    const imaging = await newDocument(patient.patientId, "IMAGING");

    const granted = await grantAccess(patient.ctx, {
      patientId: patient.patientId,
      professionalId: pro.id,
      scope: "CATEGORIES",
      categories: ["LAB_RESULTS"],
      canAdd: false,
      validUntil: nextYear,
    });
    expect(granted.change).toBe("GRANTED");
    const proActor = pro.actor;
    await expect(
      authorizeHealth(db, proActor, patient.patientId, { kind: "document", document: { ...lab } }, "read"),
    ).resolves.toMatchObject({ basis: "CONSENT" });
    await expectAppError(
      authorizeHealth(db, proActor, patient.patientId, { kind: "document", document: { ...imaging } }, "read"),
      "NOT_FOUND",
    );
    await expectAppError(authorizeHealth(db, proActor, patient.patientId, { kind: "documentList" }, "add"), "FORBIDDEN");

    const changed = await grantAccess(patient.ctx, {
      patientId: patient.patientId,
      professionalId: pro.id,
      scope: "CATEGORIES",
      categories: ["LAB_RESULTS"],
      canAdd: true,
      validUntil: nextYear,
    });
    expect(changed).toMatchObject({ change: "CHANGED", grantId: granted.grantId });
    await expect(authorizeHealth(db, proActor, patient.patientId, { kind: "documentList" }, "add")).resolves.toMatchObject({
      basis: "CONSENT",
    });

    const receipts = await receiptsOf(patient.patientId);
    expect(receipts.map((r) => r.change)).toEqual(["GRANTED", "CHANGED"]);
    const snapshot = receipts[1]!.snapshot as unknown as ReceiptSnapshot;
    expect(snapshot).toMatchObject({
      professional: { id: pro.id, rpps: pro.rpps },
      access: { scope: "CATEGORIES", categories: ["LAB_RESULTS"], canAdd: true },
      previous: { canAdd: false },
      decidedBy: { label: "Camille Testeur" },
    });
    // "Until 30 June" means through that day in France.
    expect(snapshot.access!.validUntil).toBe(new Date(`${nextYear}T21:59:59.999Z`).toISOString());
    expect(snapshot.access!.validFrom).toBe((receipts[0]!.snapshot as unknown as ReceiptSnapshot).access!.validFrom);

    const history = await historyOf(patient.patientId);
    expect(history.map((h) => h.action)).toEqual(["ACCESS_GRANTED", "ACCESS_CHANGED"]);
    expect(history[1]).toMatchObject({
      actorLabel: "Camille Testeur",
      documentTitle: null,
      details: {
        professionalId: pro.id,
        professionalName: `${pro.firstName} ${pro.lastName}`,
        scope: "CATEGORIES",
        categories: ["LAB_RESULTS"],
        canAdd: true,
      },
    });
    expect(await verifyHistoryChain(db, patient.patientId)).toMatchObject({ intact: true });

    // The receipt, as the patient downloads it, says what, to whom, until when, by whom.
    const receipt = await getReceipt(patient.ctx, { patientId: patient.patientId, receiptId: changed.receiptId });
    const text = renderReceiptText(receipt, {
      t: (key, values) => `${key}${values ? ` ${JSON.stringify(values)}` : ""}`,
      category: (c) => `cat:${c}`,
      directory: (key) => `dir:${key}`,
      dateTime: (d) => d.toISOString(),
      date: (d) => d.toISOString().slice(0, 10),
    });
    expect(text).toContain(pro.lastName);
    expect(text).toContain(pro.rpps);
    expect(text).toContain("cat:LAB_RESULTS");
    // The directory's French profession, in the reader's language.
    expect(text).toContain("dir:professions.doctor");
    expect(text).toContain(`"date":"${nextYear}"`);
    expect(text).toContain("Camille Testeur");
  });

  it("grants chosen documents only when they are the patient's own and not in the bin; a past end date is refused; nothing is written", async () => {
    const patient = await newPatient();
    const other = await newPatient();
    const pro = await newProfessional();
    const own = await newDocument(patient.patientId);
    const binned = await newDocument(patient.patientId, "REPORT", { deletedAt: new Date() });
    const someoneElses = await newDocument(other.patientId);

    for (const documentIds of [[own.id, someoneElses.id], [binned.id], [randomUUID()]]) {
      await expectAppError(
        grantAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id, scope: "DOCUMENTS", documentIds, canAdd: false }),
        "BAD_REQUEST",
        { messageKey: "access.errors.documentsNotOwned", field: "documentIds" },
      );
    }
    await expectAppError(
      grantAccess(patient.ctx, {
        patientId: patient.patientId,
        professionalId: pro.id,
        scope: "ALL_VISIBLE",
        canAdd: false,
        validUntil: "2020-01-01",
      }),
      "BAD_REQUEST",
      { messageKey: "access.errors.validUntilPast", field: "validUntil" },
    );
    await expect(
      grantAccess(patient.ctx, {
        patientId: patient.patientId,
        professionalId: pro.id,
        scope: "CATEGORIES",
        categories: [],
        canAdd: false,
      }),
    ).rejects.toThrow(/categoriesRequired/);
    expect(await db.accessGrant.count({ where: { patientId: patient.patientId } })).toBe(0);
    expect(await receiptsOf(patient.patientId)).toEqual([]);
    expect(await historyOf(patient.patientId)).toEqual([]);

    await grantAccess(patient.ctx, {
      patientId: patient.patientId,
      professionalId: pro.id,
      scope: "DOCUMENTS",
      documentIds: [own.id],
      canAdd: false,
    });
    await expect(authorizeHealth(db, pro.actor, patient.patientId, { kind: "document", document: own }, "read")).resolves.toMatchObject({
      basis: "CONSENT",
    });
    expect(await listGrantableDocuments(patient.ctx, patient)).toEqual([expect.objectContaining({ id: own.id })]);
  });

  it("revocation takes effect on the professional's very next request, with its receipt", async () => {
    const patient = await newPatient();
    const pro = await newProfessional();
    const doc = await newDocument(patient.patientId);
    await grantAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id, scope: "ALL_VISIBLE", canAdd: false });
    await expect(authorizeHealth(db, pro.actor, patient.patientId, { kind: "document", document: doc }, "read")).resolves.toBeTruthy();
    const { receiptId } = await revokeAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id });
    await expectAppError(authorizeHealth(db, pro.actor, patient.patientId, { kind: "document", document: doc }, "read"), "NOT_FOUND");
    await expectAppError(authorizeHealth(db, pro.actor, patient.patientId, { kind: "documentList" }, "read"), "FORBIDDEN");
    expect((await getReceipt(patient.ctx, { patientId: patient.patientId, receiptId })).snapshot).toMatchObject({
      change: "REVOKED",
      access: { scope: "ALL_VISIBLE" },
      endedAt: expect.any(String),
    });
    // Nothing left to revoke.
    await expectAppError(revokeAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id }), "NOT_FOUND");
    const overview = await getAccessOverview(patient.ctx, patient);
    expect(overview.grants).toEqual([expect.objectContaining({ state: "revoked", professional: expect.objectContaining({ id: pro.id }) })]);
    // Granting again reuses the row and starts afresh.
    expect(
      await grantAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id, scope: "ALL_VISIBLE", canAdd: false }),
    ).toMatchObject({ change: "GRANTED" });
    expect(await db.accessGrant.count({ where: { patientId: patient.patientId } })).toBe(1);
  });

  it("blocking revokes the access, refuses pending requests and removes the médecin traitant; a blocked professional is refused even with a grant", async () => {
    const patient = await newPatient();
    const pro = await newProfessional();
    const doc = await newDocument(patient.patientId);
    await setTreatingDoctor(patient.ctx, { patientId: patient.patientId, professionalId: pro.id });
    await grantAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id, scope: "ALL_VISIBLE", canAdd: true });
    const request = await db.accessRequest.create({ data: { patientId: patient.patientId, professionalId: pro.id }, select: { id: true } });

    await blockProfessional(patient.ctx, { patientId: patient.patientId, professionalId: pro.id });
    await expectAppError(authorizeHealth(db, pro.actor, patient.patientId, { kind: "document", document: doc }, "read"), "NOT_FOUND");
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "REFUSED" });
    const overview = await getAccessOverview(patient.ctx, patient);
    expect(overview).toMatchObject({
      treatingDoctor: null,
      pendingRequests: [],
      blocks: [{ professional: { id: pro.id } }],
      grants: [{ state: "revoked" }],
    });
    const history = await historyOf(patient.patientId);
    expect(history.at(-1)).toMatchObject({
      action: "PROFESSIONAL_BLOCKED",
      details: { accessRevoked: true, requestsRefused: 1, treatingDoctorRemoved: true },
    });

    // A grant row in force despite the block (written behind the services' back) still opens nothing.
    await db.accessGrant.updateMany({ where: { patientId: patient.patientId }, data: { revokedAt: null } });
    await expectAppError(authorizeHealth(db, pro.actor, patient.patientId, { kind: "documentList" }, "read"), "FORBIDDEN");
    // And the services refuse to grant or designate while blocked.
    await expectAppError(
      grantAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id, scope: "ALL_VISIBLE", canAdd: false }),
      "CONFLICT",
      { messageKey: "access.errors.professionalBlocked" },
    );
    await expectAppError(setTreatingDoctor(patient.ctx, { patientId: patient.patientId, professionalId: pro.id }), "CONFLICT");
    await expectAppError(blockProfessional(patient.ctx, { patientId: patient.patientId, professionalId: pro.id }), "CONFLICT", {
      messageKey: "access.errors.alreadyBlocked",
    });

    await unblockProfessional(patient.ctx, { patientId: patient.patientId, professionalId: pro.id });
    await expectAppError(unblockProfessional(patient.ctx, { patientId: patient.patientId, professionalId: pro.id }), "NOT_FOUND");
    expect((await receiptsOf(patient.patientId)).map((r) => r.change)).toEqual(["TREATING_DOCTOR_SET", "GRANTED", "BLOCKED", "UNBLOCKED"]);
    expect((await listReceipts(patient.ctx, patient)).map((r) => r.change)).toEqual([
      "UNBLOCKED",
      "BLOCKED",
      "GRANTED",
      "TREATING_DOCTOR_SET",
    ]);
  });

  it("an emergency access in force is shown to the patient and ends by their hand, by revoking or by blocking, from the professional's next request", async () => {
    const patient = await newPatient();
    const pro = await newProfessional({ firstName: "Karim", profession: "Médecin urgentiste", specialty: null, emergencyStaff: true });
    const doc = await newDocument(patient.patientId);
    const reason = "Patient inconscient admis aux urgences";
    const readDocument = () => authorizeHealth(db, pro.actor, patient.patientId, { kind: "document", document: doc }, "read");
    const breakTheGlass = async () => {
      await breakGlass(testCtx(db, { actor: pro.actor, ip: "192.0.2.7" }), { patientId: patient.patientId, reason });
      await expect(readDocument()).resolves.toMatchObject({ basis: "EMERGENCY" });
    };
    const lastEntry = async () => (await historyOf(patient.patientId)).at(-1);
    const lastReceipt = async () => (await receiptsOf(patient.patientId)).at(-1)!;

    // Shown where the patient manages access: who, why, since and until when.
    await breakTheGlass();
    const { emergencyAccesses } = await getAccessOverview(patient.ctx, patient);
    expect(emergencyAccesses).toEqual([
      {
        id: expect.any(String),
        professional: expect.objectContaining({ id: pro.id }),
        reason,
        openedAt: expect.any(Date),
        until: expect.any(Date),
      },
    ]);
    expect(emergencyAccesses[0]!.until.getTime() - emergencyAccesses[0]!.openedAt.getTime()).toBeGreaterThan(3 * 60 * 60 * 1000);
    expect(
      (await getProfessionalAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id })).emergencyAccess,
    ).toMatchObject({ reason });

    // Ended by the patient: refused at once, with its history entry and its receipt.
    await endEmergencyAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id });
    await expectAppError(readDocument(), "NOT_FOUND");
    expect((await getAccessOverview(patient.ctx, patient)).emergencyAccesses).toEqual([]);
    expect((await getProfessionalAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id })).emergencyAccess).toBeNull();
    expect(await lastEntry()).toMatchObject({
      action: "EMERGENCY_ACCESS_ENDED",
      actorLabel: "Camille Testeur",
      details: {
        professionalId: pro.id,
        professionalName: `Karim ${pro.lastName}`,
        profession: "Médecin urgentiste",
        emergencyAccessIds: [emergencyAccesses[0]!.id],
      },
    });
    const ended = await lastReceipt();
    expect(ended).toMatchObject({
      change: "EMERGENCY_ACCESS_ENDED",
      professionalId: pro.id,
      snapshot: { access: null, endedAt: expect.any(String), emergency: [{ id: emergencyAccesses[0]!.id, reason }] },
    });
    const text = renderReceiptText(await getReceipt(patient.ctx, { patientId: patient.patientId, receiptId: ended.id }), {
      t: (key, values) => `${key}${values ? ` ${JSON.stringify(values)}` : ""}`,
      category: (c) => c,
      directory: (key) => key,
      dateTime: (d) => d.toISOString(),
      date: (d) => d.toISOString(),
    });
    expect(text).toContain("changes.EMERGENCY_ACCESS_ENDED");
    expect(text).toContain(reason);
    await expectAppError(endEmergencyAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id }), "NOT_FOUND", {
      messageKey: "access.errors.noEmergencyAccess",
    });

    // "Retirer l'accès" with no consent given ends the emergency access (it said "no access in force").
    await breakTheGlass();
    await revokeAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id });
    await expectAppError(readDocument(), "NOT_FOUND");
    expect(await lastEntry()).toMatchObject({ action: "EMERGENCY_ACCESS_ENDED" });

    // With a consent as well, revoking ends both in one change.
    await grantAccess(patient.ctx, {
      patientId: patient.patientId,
      professionalId: pro.id,
      scope: "CATEGORIES",
      categories: ["IMAGING"],
      canAdd: false,
    });
    await breakTheGlass();
    await revokeAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id });
    await expectAppError(readDocument(), "NOT_FOUND");
    expect(await lastEntry()).toMatchObject({
      action: "ACCESS_REVOKED",
      details: { scope: "CATEGORIES", emergencyAccessIds: [expect.any(String)] },
    });
    expect(await lastReceipt()).toMatchObject({
      change: "REVOKED",
      snapshot: { access: { scope: "CATEGORIES" }, emergency: [{ reason }] },
    });

    // Blocking ends it too, and lifting the block gives nothing back.
    await breakTheGlass();
    await blockProfessional(patient.ctx, { patientId: patient.patientId, professionalId: pro.id });
    expect(await lastEntry()).toMatchObject({
      action: "PROFESSIONAL_BLOCKED",
      details: { accessRevoked: false, emergencyAccessIds: [expect.any(String)] },
    });
    expect(await lastReceipt()).toMatchObject({ change: "BLOCKED", snapshot: { emergency: [{ reason }], endedAt: expect.any(String) } });
    await unblockProfessional(patient.ctx, { patientId: patient.patientId, professionalId: pro.id });
    await expectAppError(readDocument(), "NOT_FOUND");
    expect((await getAccessOverview(patient.ctx, patient)).emergencyAccesses).toEqual([]);
    expect(await db.emergencyAccess.count({ where: { patientId: patient.patientId, endedAt: null } })).toBe(0);
    expect(await verifyHistoryChain(db, patient.patientId)).toMatchObject({ intact: true });
  });

  it("a failure inside the transaction leaves neither the change, nor its receipt, nor its history entry", async () => {
    const patient = await newPatient();
    const pro = await newProfessional();
    // A real database failure for this patient only: the receipt (written last) or the history entry is
    // refused, by a trigger only the tables' owner may create (the app's role owns nothing).
    for (const table of ["ConsentReceipt", "HistoryEntry"]) {
      await owner.$executeRawUnsafe(
        `CREATE OR REPLACE FUNCTION "test_refuse_consent"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."patientId" = '${patient.patientId}' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$`,
      );
      await owner.$executeRawUnsafe(
        `CREATE TRIGGER "test_refuse_consent" BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION "test_refuse_consent"()`,
      );
      try {
        await expect(
          grantAccess(patient.ctx, { patientId: patient.patientId, professionalId: pro.id, scope: "ALL_VISIBLE", canAdd: false }),
        ).rejects.toThrow();
        await expect(blockProfessional(patient.ctx, { patientId: patient.patientId, professionalId: pro.id })).rejects.toThrow();
        // Settings have a history entry but no receipt.
        if (table === "HistoryEntry")
          await expect(setEmergencyAccess(patient.ctx, { patientId: patient.patientId, enabled: false })).rejects.toThrow();
      } finally {
        await owner.$executeRawUnsafe(`DROP TRIGGER "test_refuse_consent" ON "${table}"`);
        await owner.$executeRawUnsafe(`DROP FUNCTION "test_refuse_consent"()`);
      }
      expect(await db.accessGrant.count({ where: { patientId: patient.patientId } })).toBe(0);
      expect(await db.professionalBlock.count({ where: { patientId: patient.patientId } })).toBe(0);
      expect((await getAccessOverview(patient.ctx, patient)).emergencyAccessEnabled).toBe(true);
      expect(await receiptsOf(patient.patientId)).toEqual([]);
      expect(await historyOf(patient.patientId)).toEqual([]);
    }
  });

  it("another patient, a professional or support can call none of them", async () => {
    const patient = await newPatient();
    const pro = await newProfessional();
    const { receiptId } = await grantAccess(patient.ctx, {
      patientId: patient.patientId,
      professionalId: pro.id,
      scope: "ALL_VISIBLE",
      canAdd: false,
    });
    const request = await db.accessRequest.create({ data: { patientId: patient.patientId, professionalId: pro.id }, select: { id: true } });
    const intruders = [
      await newUser("PATIENT"),
      pro.actor,
      await newUser("SUPPORT"),
      { ...patient.actor, stage: "PASSWORD_VERIFIED" as const },
    ];
    for (const actor of intruders) {
      const context = { ctx: testCtx(db, { actor }), patientId: patient.patientId };
      const expected = actor.stage === "FULL" ? "FORBIDDEN" : "UNAUTHENTICATED";
      // Thunks, called one by one: promises made up front would reject while an earlier one
      // is awaited, unhandled for that moment, and the runner reports them as errors.
      const calls: (() => Promise<unknown>)[] = [
        () => searchDirectory(context.ctx, { patientId: context.patientId }),
        () => getAccessOverview(context.ctx, context),
        () => getProfessionalAccess(context.ctx, { patientId: context.patientId, professionalId: pro.id }),
        () => setTreatingDoctor(context.ctx, { patientId: context.patientId, professionalId: pro.id }),
        () => grantAccess(context.ctx, { patientId: context.patientId, professionalId: pro.id, scope: "ALL_VISIBLE", canAdd: true }),
        () => revokeAccess(context.ctx, { patientId: context.patientId, professionalId: pro.id }),
        () => blockProfessional(context.ctx, { patientId: context.patientId, professionalId: pro.id }),
        () => unblockProfessional(context.ctx, { patientId: context.patientId, professionalId: pro.id }),
        () => decideAccessRequest(context.ctx, { patientId: context.patientId, requestId: request.id, accept: false }),
        () => setEmergencyAccess(context.ctx, { patientId: context.patientId, enabled: false }),
        () => setAlertSettings(context.ctx, { patientId: context.patientId, firstAccessByEmail: false }),
        () => listReceipts(context.ctx, context),
        () => listGrantableDocuments(context.ctx, context),
      ];
      for (const call of calls) await expectAppError(call(), expected);
      // A receipt is the patient's alone: anyone else is told it does not exist.
      await expectAppError(
        getReceipt(context.ctx, { patientId: context.patientId, receiptId }),
        actor.stage === "FULL" ? "NOT_FOUND" : "UNAUTHENTICATED",
      );
      await expectAppError(
        getReceipt(testCtx(db, { actor }), { patientId: actor.userId, receiptId }),
        actor.stage === "FULL" ? "NOT_FOUND" : "UNAUTHENTICATED",
      );
    }
    // Another patient acting in their own space cannot answer this patient's request either.
    const other = await newPatient();
    await expectAppError(decideAccessRequest(other.ctx, { patientId: other.patientId, requestId: request.id, accept: false }), "NOT_FOUND");
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "PENDING" });
    expect((await receiptsOf(patient.patientId)).map((r) => r.change)).toEqual(["GRANTED"]);
  });

  it("answers access requests: accepting grants the chosen scope with a receipt, refusing records the answer, each once", async () => {
    const patient = await newPatient();
    const pro = await newProfessional();
    const other = await newProfessional();
    const accepted = await db.accessRequest.create({
      data: { patientId: patient.patientId, professionalId: pro.id, message: "Suivi cardiologique" },
      select: { id: true },
    });
    const refused = await db.accessRequest.create({
      data: { patientId: patient.patientId, professionalId: other.id },
      select: { id: true },
    });
    expect((await getAccessOverview(patient.ctx, patient)).pendingRequests).toHaveLength(2);

    const { receiptId } = await decideAccessRequest(patient.ctx, {
      patientId: patient.patientId,
      requestId: accepted.id,
      accept: true,
      grant: { scope: "CATEGORIES", categories: ["IMAGING"], canAdd: false, validUntil: null },
    });
    expect((await getReceipt(patient.ctx, { patientId: patient.patientId, receiptId: receiptId! })).snapshot).toMatchObject({
      change: "GRANTED",
      requestId: accepted.id,
      access: { categories: ["IMAGING"], validUntil: null },
    });
    await decideAccessRequest(patient.ctx, { patientId: patient.patientId, requestId: refused.id, accept: false });
    await expectAppError(
      decideAccessRequest(patient.ctx, {
        patientId: patient.patientId,
        requestId: refused.id,
        accept: true,
        grant: { scope: "ALL_VISIBLE", canAdd: false },
      }),
      "NOT_FOUND",
    );
    expect(await db.accessGrant.count({ where: { patientId: patient.patientId, professionalId: other.id } })).toBe(0);
    expect((await historyOf(patient.patientId)).map((h) => h.action)).toEqual(["ACCESS_REQUEST_ACCEPTED", "ACCESS_REQUEST_REFUSED"]);
    const overview = await getAccessOverview(patient.ctx, patient);
    expect(overview.pendingRequests).toEqual([]);
    expect(overview.grants).toEqual([expect.objectContaining({ state: "active", scope: "CATEGORIES" })]);
  });

  it("sets and removes the médecin traitant (a doctor only), emergency access and alert settings, each in the history", async () => {
    const patient = await newPatient();
    const doctor = await newProfessional({ specialty: "Médecine générale" });
    const nurse = await newProfessional({ profession: "Infirmier", specialty: null });
    const doc = await newDocument(patient.patientId);

    await expectAppError(setTreatingDoctor(patient.ctx, { patientId: patient.patientId, professionalId: nurse.id }), "BAD_REQUEST", {
      messageKey: "access.errors.notADoctor",
    });
    await expectAppError(setTreatingDoctor(patient.ctx, { patientId: patient.patientId, professionalId: randomUUID() }), "NOT_FOUND");
    await setTreatingDoctor(patient.ctx, { patientId: patient.patientId, professionalId: doctor.id });
    expect(await setTreatingDoctor(patient.ctx, { patientId: patient.patientId, professionalId: doctor.id })).toEqual({ receiptId: null });
    await expect(authorizeHealth(db, doctor.actor, patient.patientId, { kind: "document", document: doc }, "read")).resolves.toMatchObject({
      basis: "TREATING_DOCTOR",
    });
    expect((await getAccessOverview(patient.ctx, patient)).treatingDoctor).toMatchObject({ id: doctor.id });
    expect(await getProfessionalAccess(patient.ctx, { patientId: patient.patientId, professionalId: doctor.id })).toMatchObject({
      isTreatingDoctor: true,
      blocked: false,
      grant: null,
    });
    await setTreatingDoctor(patient.ctx, { patientId: patient.patientId, professionalId: null });
    await expectAppError(authorizeHealth(db, doctor.actor, patient.patientId, { kind: "document", document: doc }, "read"), "NOT_FOUND");

    expect(await setEmergencyAccess(patient.ctx, { patientId: patient.patientId, enabled: false })).toEqual({ changed: true });
    expect(await setEmergencyAccess(patient.ctx, { patientId: patient.patientId, enabled: false })).toEqual({ changed: false });
    await setAlertSettings(patient.ctx, { patientId: patient.patientId, firstAccessByEmail: false });
    expect(await getAccessOverview(patient.ctx, patient)).toMatchObject({
      emergencyAccessEnabled: false,
      alertFirstAccessByEmail: false,
      treatingDoctor: null,
    });
    await setEmergencyAccess(patient.ctx, { patientId: patient.patientId, enabled: true });

    expect((await historyOf(patient.patientId)).map((h) => [h.action, h.details])).toEqual([
      ["TREATING_DOCTOR_SET", expect.objectContaining({ professionalId: doctor.id })],
      ["TREATING_DOCTOR_REMOVED", expect.objectContaining({ professionalId: doctor.id })],
      ["EMERGENCY_SETTING_CHANGED", { emergencyAccessEnabled: false }],
      ["ALERT_SETTINGS_CHANGED", { alertFirstAccessByEmail: false }],
      ["EMERGENCY_SETTING_CHANGED", { emergencyAccessEnabled: true }],
    ]);
    expect((await receiptsOf(patient.patientId)).map((r) => r.change)).toEqual(["TREATING_DOCTOR_SET", "TREATING_DOCTOR_REMOVED"]);
  });

  describe("the directory", () => {
    const tag = `Zéphyrin${randomInt(1e6)}`;

    it("finds by name, profession or specialty and city, whatever the case and accents, a page at a time", async () => {
      const patient = await newPatient();
      const made = [];
      for (const [firstName, city, specialty] of [
        ["Éloïse", "Saint-Étienne", "Pédiatrie"],
        ["Eloise", "Lyon", "Cardiologie"],
        ["Noël", "Clermont-Ferrand", "Pédiatrie"],
      ] as const) {
        made.push(await newProfessional({ firstName, lastName: tag, city, specialty }));
      }
      const search = (query: Omit<Parameters<typeof searchDirectory>[1], "patientId">) =>
        searchDirectory(patient.ctx, { ...query, patientId: patient.patientId }).then((page) => page.items.map((p) => p.firstName));
      const foldedTag = tag.replace("é", "e").toUpperCase();
      expect((await search({ name: `eloise ${foldedTag}` })).sort()).toEqual(["Eloise", "Éloïse"]);
      expect(await search({ name: tag, profession: "pediatrie", city: "saint etienne" })).toEqual(["Éloïse"]);
      expect(await search({ name: tag, city: "CLERMONT" })).toEqual(["Noël"]);
      expect(await search({ name: `${tag} noel` })).toEqual(["Noël"]);
      // LIKE wildcards in the query are taken literally.
      expect(await search({ name: "%" })).toEqual([]);
      const first = await searchDirectory(patient.ctx, { patientId: patient.patientId, name: tag, pageSize: 2 });
      const second = await searchDirectory(patient.ctx, { patientId: patient.patientId, name: tag, pageSize: 2, page: 2 });
      expect(first).toMatchObject({ total: 3, pageCount: 2 });
      expect(new Set([...first.items, ...second.items].map((p) => p.id))).toEqual(new Set(made.map((p) => p.id)));
    });
  });
});
