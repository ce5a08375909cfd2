import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Role } from "@/lib/generated/prisma/client";
import { withNirKey } from "@/lib/identifiers/nir";
import { newSpaceCode } from "@/lib/identifiers/space-code";
import { generateRecoveryCodes } from "@/lib/server/auth/recovery-codes";
import { completeSecondFactor, startPasswordSession } from "@/lib/server/auth/sessions/create-session";
import { validateSession } from "@/lib/server/auth/sessions/validate-session";
import { enrolTotpWithSecret } from "@/lib/server/auth/totp/enrol-totp-with-secret";
import { verifyHistoryChain } from "@/lib/server/history/verify-history-chain";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { newCatalogApp, newConnectedApp } from "@/lib/testing/catalogue-fixtures";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { closeAccount } from "./close-account";
import { getSupportAccount } from "./get-support-account";
import { resendEmailConfirmation } from "./resend-email-confirmation";
import { resetSecondFactor } from "./reset-second-factor";
import { searchAccounts } from "./search-accounts";
import { setAccountEnabled } from "./set-account-enabled";
import { unlockAccount } from "./unlock-account";

const reason = "Appel de la personne, identité vérifiée";
const checklist = { identityVerified: "on", birthDateConfirmed: "on", requestedByPerson: "on" } as const;
const ip = { ipAddress: "198.51.100.7" };
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe("support's account pages and actions", () => {
  const db = useTestDb();
  const delivered: string[] = [];
  const deliver = (id: string) => void delivered.push(id);

  const newUser = (data: { roles?: Role[]; status?: "ACTIVE" | "PENDING_VERIFICATION"; declaredNir?: string; spaceCode?: string } = {}) =>
    db.user.create({
      data: {
        email: `sup-${randomUUID()}@test.local`,
        firstName: "Aline",
        lastName: `Zorn${randomUUID().slice(0, 6)}`,
        status: "ACTIVE",
        emailVerifiedAt: new Date(),
        birthDate: new Date("1980-02-03"),
        ...data,
      },
      select: { id: true, email: true, firstName: true, lastName: true, roles: true },
    });
  const staffAs = async (roles: Role[]): Promise<StaffActor> => {
    const user = await newUser({ roles });
    return {
      userId: user.id,
      role: roles.at(-1)!,
      label: `${user.firstName} ${user.lastName}`,
      actor: { userId: user.id, roles, stage: "FULL", hasConfirmedFactor: true },
    };
  };
  const agent = () => staffAs(["PATIENT", "SUPPORT"]);
  const signIn = async (userId: string) =>
    (await completeSecondFactor(db, { halfToken: (await startPasswordSession(db, { userId })).token }))!;
  const staffEntries = (targetUserId: string) => db.staffAuditEntry.findMany({ where: { targetUserId }, orderBy: { createdAt: "asc" } });
  const eventKinds = async (userId: string) =>
    (await db.securityEvent.findMany({ where: { userId }, select: { kind: true } })).map((e) => e.kind);
  const history = (patientId: string) => db.historyEntry.findMany({ where: { patientId }, orderBy: { sequence: "asc" } });

  /** The action's three records, each once, and the patient's chain still intact. */
  async function expectRecorded(
    userId: string,
    staff: StaffActor,
    names: { staffAction: string; historyAction: string; securityEvent: string | null },
  ) {
    const entries = (await staffEntries(userId)).filter((entry) => entry.action === names.staffAction);
    expect(entries).toMatchObject([{ actorId: staff.userId, actorRole: "SUPPORT", reason, ipAddress: ip.ipAddress }]);
    if (names.securityEvent) expect((await eventKinds(userId)).filter((kind) => kind === names.securityEvent)).toHaveLength(1);
    const entry = (await history(userId)).find((row) => row.action === names.historyAction);
    expect(entry).toMatchObject({
      actorId: staff.userId,
      actorRole: "SUPPORT",
      actorLabel: "Support",
      details: { reason },
      documentId: null,
    });
    expect(await verifyHistoryChain(db, userId)).toMatchObject({ intact: true });
  }

  it("finds an account by id, NIR, space code, e-mail prefix and name, and writes nothing to the staff log", async () => {
    const staff = await agent();
    const nir = withNirKey(`1800275${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`);
    const spaceCode = newSpaceCode();
    const person = await newUser({ declaredNir: nir, spaceCode });
    const ids = async (query: string) =>
      (await searchAccounts(testCtx(db, { ip: null }), { staff, query })).accounts.map((account) => account.id);

    expect(await searchAccounts(testCtx(db, { ip: null }), { staff, query: person.id.toUpperCase() })).toMatchObject({
      kind: "id",
      accounts: [{ id: person.id, email: person.email }],
    });
    expect(
      await searchAccounts(testCtx(db, { ip: null }), { staff, query: `${nir.slice(0, 1)} ${nir.slice(1, 3)} ${nir.slice(3)}` }),
    ).toMatchObject({ kind: "nir", accounts: [{ id: person.id }] });
    // A declared NIR is not unique: support finds every space that claims it, and the qualified one.
    const squatter = await newUser({ declaredNir: nir });
    const qualified = await newUser();
    await db.identityQualification.create({
      data: { userId: qualified.id, nir, method: "IN_PERSON", documentType: "PASSPORT", qualifiedByLabel: "Dr Test" },
    });
    expect((await ids(nir)).sort()).toEqual([person.id, squatter.id, qualified.id].sort());
    expect(await searchAccounts(testCtx(db, { ip: null }), { staff, query: spaceCode.toLowerCase().replace("-", " ") })).toMatchObject({
      kind: "spaceCode",
      accounts: [{ id: person.id }],
    });
    expect(await ids(person.email.toUpperCase())).toEqual([person.id]);
    expect(await ids(person.email.slice(0, 16))).toEqual([person.id]);
    expect(
      await searchAccounts(testCtx(db, { ip: null }), { staff, query: `aline ${person.lastName.toLowerCase().slice(1)}` }),
    ).toMatchObject({ kind: "name", accounts: [{ id: person.id }] });
    // LIKE's wildcards typed by the agent stay characters.
    expect(await ids("sup-%@test.local")).toEqual([]);
    expect(await ids("a_ine zorn%")).toEqual([]);
    // A NIR with a wrong key, a malformed code, one letter: no search at all.
    expect(await searchAccounts(testCtx(db, { ip: null }), { staff, query: `${nir.slice(0, 13)}00` })).toMatchObject({
      kind: "name",
      accounts: [],
    });
    expect(await searchAccounts(testCtx(db, { ip: null }), { staff, query: "x" })).toEqual({ kind: null, accounts: [], truncated: false });
    expect(await db.staffAuditEntry.count({ where: { actorId: staff.userId } })).toBe(0);
  });

  it("shows an account's metadata and aggregates, never a health field, and logs the view", async () => {
    const staff = await agent();
    const patient = await newUser();
    await db.document.create({
      data: {
        ownerId: patient.id,
        title: "Compte rendu IRM lombaire",
        category: "IMAGING",
        documentDate: new Date("2024-01-01"),
        note: "hernie discale",
        authorKind: "PATIENT",
        sizeBytes: 1234,
      },
    });
    await db.document.create({
      data: {
        ownerId: patient.id,
        title: "Ordonnance",
        category: "PRESCRIPTION",
        documentDate: new Date("2024-02-01"),
        authorKind: "PATIENT",
        sizeBytes: 766,
      },
    });
    const professional = await db.professional.create({
      data: {
        rpps: String(Math.floor(Math.random() * 1e11)).padStart(11, "1"),
        firstName: "Paul",
        lastName: "Médecin",
        profession: "Médecin",
        city: "Lyon",
      },
    });
    await db.accessGrant.create({
      data: { patientId: patient.id, professionalId: professional.id, scope: "ALL_VISIBLE", validFrom: new Date() },
    });
    const app = await newCatalogApp(db, { name: "Tensio", theme: "CHRONIC_CONDITIONS" });
    await db.appConnection.create({ data: { patientId: patient.id, appId: app.id, scopes: ["patient/Observation.rs"] } });
    await enrolTotpWithSecret(db, { userId: patient.id, secretBase32: TOTP_SECRET });
    await generateRecoveryCodes(db, { userId: patient.id });
    await signIn(patient.id);

    const view = await getSupportAccount(testCtx(db, { ip: ip.ipAddress }), { staff, userId: patient.id });
    expect(Object.keys(view).sort()).toEqual(
      [
        "activeSessions",
        "birthDate",
        "consecutiveFailures",
        "createdAt",
        "email",
        "emailVerifiedAt",
        "factors",
        "firstName",
        "id",
        "lastLogins",
        "lastName",
        "lockedUntil",
        "openTickets",
        "recoveryCodesLeft",
        "roles",
        "securityEvents",
        "status",
        "storage",
        "identity",
      ].sort(),
    );
    expect(view.identity).toEqual({ nirDeclared: false, qualification: null });
    expect(view).toMatchObject({
      factors: { TOTP: 1, EMAIL_OTP: 0, SMS_OTP: 0, PASSKEY: 0 },
      recoveryCodesLeft: 10,
      activeSessions: 1,
      storage: { documents: 2, bytes: 2000 },
      openTickets: 0,
    });
    const text = JSON.stringify(view);
    for (const secret of ["IRM", "hernie", "IMAGING", "PRESCRIPTION", "Ordonnance", "Tensio", "Médecin", "Observation", TOTP_SECRET])
      expect(text).not.toContain(secret);
    expect(await staffEntries(patient.id)).toMatchObject([{ action: "ACCOUNT_VIEWED", actorId: staff.userId, reason: null }]);

    await expect(getSupportAccount(testCtx(db, { ip: null }), { staff, userId: randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getSupportAccount(testCtx(db, { ip: null }), { staff, userId: "../etc" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("unlocks a locked account, with the staff entry, the security event and the history entry; a forged role changes nothing", async () => {
    const staff = await agent();
    const patient = await newUser();
    await db.user.update({
      where: { id: patient.id },
      data: { consecutiveFailures: 100, lockedUntil: new Date("9999-12-31T23:59:59.999Z") },
    });
    await unlockAccount(testCtx(db, { ip: ip.ipAddress }), {
      staff,
      userId: patient.id,
      reason,
      roles: ["ADMIN"],
      role: "ADMIN",
      status: "DISABLED",
    } as never);
    expect(
      await db.user.findUnique({
        where: { id: patient.id },
        select: { consecutiveFailures: true, lockedUntil: true, roles: true, status: true },
      }),
    ).toEqual({
      consecutiveFailures: 0,
      lockedUntil: null,
      roles: ["PATIENT"],
      status: "ACTIVE",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: staff.userId }, select: { roles: true } })).roles).toEqual([
      "PATIENT",
      "SUPPORT",
    ]);
    await expectRecorded(patient.id, staff, {
      staffAction: "ACCOUNT_UNLOCKED",
      historyAction: "SUPPORT_ACCOUNT_UNLOCKED",
      securityEvent: "ACCOUNT_UNLOCKED",
    });
  });

  it("requires a reason of ten characters for every action", async () => {
    const staff = await agent();
    const patient = await newUser();
    for (const run of [
      () => unlockAccount(testCtx(db, { ip: null }), { staff, userId: patient.id, reason: "court" }),
      () => resetSecondFactor(testCtx(db, { ip: null }), { staff, userId: patient.id, reason: "  ", ...checklist }),
      () => setAccountEnabled(testCtx(db, { ip: null }), { staff, userId: patient.id, reason: "", enabled: false }),
      () => closeAccount(testCtx(db, { ip: null }), { staff, userId: patient.id } as never),
    ]) {
      await expect(run()).rejects.toThrow(ZodError);
    }
    expect(await staffEntries(patient.id)).toEqual([]);
  });

  it("resets the second factor only with the whole checklist, then removes factors and codes, ends every session and mails the person", async () => {
    const staff = await agent();
    const patient = await newUser();
    await db.document.create({
      data: {
        ownerId: patient.id,
        title: "Bilan sanguin confidentiel",
        category: "LAB_RESULTS",
        documentDate: new Date("2024-01-01"),
        authorKind: "PATIENT",
      },
    });
    await enrolTotpWithSecret(db, { userId: patient.id, secretBase32: TOTP_SECRET });
    await generateRecoveryCodes(db, { userId: patient.id });
    const sessions = [await signIn(patient.id), await signIn(patient.id)];

    for (const missing of ["identityVerified", "birthDateConfirmed", "requestedByPerson"] as const) {
      const partial: Record<string, string> = { ...checklist };
      delete partial[missing];
      const error = await resetSecondFactor(testCtx(db, { ip: null }), { staff, userId: patient.id, reason, ...partial } as never).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues).toMatchObject([{ path: [missing], message: "support.reset.checklistRequired" }]);
    }
    expect(await db.authFactor.count({ where: { userId: patient.id } })).toBe(1);

    const result = await resetSecondFactor(
      testCtx(db, { ip: ip.ipAddress }),
      { staff, userId: patient.id, reason, ...checklist },
      { deliver },
    );
    expect(result).toEqual({ factorsRemoved: 1, sessionsEnded: 2 });
    expect(await db.authFactor.count({ where: { userId: patient.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: patient.id } })).toBe(0);
    for (const session of sessions) expect(await validateSession(db, { token: session.token })).toBeNull();
    await expectRecorded(patient.id, staff, {
      staffAction: "SECOND_FACTOR_RESET",
      historyAction: "SUPPORT_SECOND_FACTOR_RESET",
      securityEvent: "SECOND_FACTOR_RESET_BY_SUPPORT",
    });

    const mails = await db.outboundMessage.findMany({ where: { recipient: patient.email } });
    expect(mails).toHaveLength(1);
    expect(delivered).toContain(mails[0].id);
    expect(mails[0].subject).toBe("Votre second facteur a été réinitialisé par le support");
    expect(mails[0].body).toMatch(/toutes vos sessions ont été fermées/);
    expect(mails[0].body).toMatch(/contactez le support immédiatement/);
    for (const secret of ["Bilan", "LAB_RESULTS", reason, staff.label]) expect(mails[0].body).not.toContain(secret);
  });

  it("resends the address confirmation only while it is pending; a refused action leaves no record at all", async () => {
    const staff = await agent();
    const pending = await newUser({ status: "PENDING_VERIFICATION" });
    await resendEmailConfirmation(testCtx(db, { ip: ip.ipAddress }), { staff, userId: pending.id, reason }, { deliver });
    expect(await db.verificationCode.count({ where: { userId: pending.id, purpose: "EMAIL_VERIFICATION", consumedAt: null } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { recipient: pending.email } })).toBe(1);
    await expectRecorded(pending.id, staff, {
      staffAction: "EMAIL_CONFIRMATION_RESENT",
      historyAction: "SUPPORT_EMAIL_CONFIRMATION_RESENT",
      securityEvent: null,
    });

    const active = await newUser();
    await expect(
      resendEmailConfirmation(testCtx(db, { ip: ip.ipAddress }), { staff, userId: active.id, reason }, { deliver }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "support.resend.notPending" });
    expect(await staffEntries(active.id)).toEqual([]);
    expect(await history(active.id)).toEqual([]);
    expect(await db.outboundMessage.count({ where: { recipient: active.email } })).toBe(0);
  });

  it("disables an account (its sessions end) and enables it again", async () => {
    const staff = await agent();
    const patient = await newUser();
    const session = await signIn(patient.id);
    await setAccountEnabled(testCtx(db, { ip: ip.ipAddress }), { staff, userId: patient.id, reason, enabled: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("DISABLED");
    expect(await validateSession(db, { token: session.token })).toBeNull();
    await expectRecorded(patient.id, staff, {
      staffAction: "ACCOUNT_DISABLED",
      historyAction: "SUPPORT_ACCOUNT_DISABLED",
      securityEvent: "ACCOUNT_DISABLED",
    });
    await expect(
      setAccountEnabled(testCtx(db, { ip: ip.ipAddress }), { staff, userId: patient.id, reason, enabled: false }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    await setAccountEnabled(testCtx(db, { ip: ip.ipAddress }), { staff, userId: patient.id, reason, enabled: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("ACTIVE");
    await expectRecorded(patient.id, staff, {
      staffAction: "ACCOUNT_ENABLED",
      historyAction: "SUPPORT_ACCOUNT_ENABLED",
      securityEvent: "ACCOUNT_ENABLED",
    });
    await expect(
      setAccountEnabled(testCtx(db, { ip: ip.ipAddress }), { staff, userId: patient.id, reason, enabled: true }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("closes an account on request: sessions and app tokens end, documents stay, the person is mailed", async () => {
    const staff = await agent();
    const patient = await newUser();
    const session = await signIn(patient.id);
    await db.document.create({
      data: { ownerId: patient.id, title: "Vaccins", category: "VACCINATION", documentDate: new Date("2024-01-01"), authorKind: "PATIENT" },
    });
    const connected = await newConnectedApp(db, { patientId: patient.id, scopes: [], app: { name: "Carnet" } });

    await closeAccount(testCtx(db, { ip: ip.ipAddress }), { staff, userId: patient.id, reason }, { deliver });
    expect((await db.user.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("CLOSED");
    expect(await validateSession(db, { token: session.token })).toBeNull();
    expect((await db.oAuthToken.findUniqueOrThrow({ where: { id: connected.tokenId } })).revokedAt).not.toBeNull();
    expect(await db.document.count({ where: { ownerId: patient.id } })).toBe(1);
    expect(await db.outboundMessage.findMany({ where: { recipient: patient.email }, select: { subject: true } })).toEqual([
      { subject: "Votre espace a été clôturé" },
    ]);
    await expectRecorded(patient.id, staff, {
      staffAction: "ACCOUNT_CLOSED",
      historyAction: "SUPPORT_ACCOUNT_CLOSED",
      securityEvent: "ACCOUNT_CLOSED",
    });
    await expect(
      resetSecondFactor(testCtx(db, { ip: null }), { staff, userId: patient.id, reason, ...checklist }, { deliver }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses an agent's own account, and a colleague's for the reset, disabling and closing", async () => {
    const staff = await agent();
    const self = { userId: staff.userId, reason };
    for (const run of [
      () => unlockAccount(testCtx(db, { ip: null }), { ...self, staff }),
      () => resendEmailConfirmation(testCtx(db, { ip: null }), { ...self, staff }, { deliver }),
      () => resetSecondFactor(testCtx(db, { ip: null }), { staff, ...self, ...checklist }, { deliver }),
      () => setAccountEnabled(testCtx(db, { ip: null }), { staff, ...self, enabled: false }),
      () => setAccountEnabled(testCtx(db, { ip: null }), { staff, ...self, enabled: true }),
      () => closeAccount(testCtx(db, { ip: null }), { ...self, staff }, { deliver }),
    ]) {
      await expect(run()).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "support.actions.ownAccount" });
    }
    const colleague = await newUser({ roles: ["PATIENT", "ADMIN"] });
    const other = { userId: colleague.id, reason };
    for (const run of [
      () => resetSecondFactor(testCtx(db, { ip: null }), { staff, ...other, ...checklist }, { deliver }),
      () => setAccountEnabled(testCtx(db, { ip: null }), { staff, ...other, enabled: false }),
      () => closeAccount(testCtx(db, { ip: null }), { ...other, staff }, { deliver }),
    ]) {
      await expect(run()).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "support.actions.staffAccount" });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).status).toBe("ACTIVE");
    expect(await staffEntries(staff.userId)).toEqual([]);
    expect(await staffEntries(colleague.id)).toEqual([]);
  });

  it("refuses every service to a patient, a curator and an admin", async () => {
    const patient = await newUser();
    const target = { userId: patient.id, reason };
    for (const roles of [["PATIENT"], ["PATIENT", "CURATOR"], ["PATIENT", "ADMIN"], ["PROFESSIONAL"]] as Role[][]) {
      const actor = await staffAs(roles);
      for (const run of [
        () => searchAccounts(testCtx(db, { ip: null }), { staff: actor, query: patient.email }),
        () => getSupportAccount(testCtx(db, { ip: null }), { staff: actor, userId: patient.id }),
        () => unlockAccount(testCtx(db, { ip: null }), { ...target, staff: actor }),
        () => resendEmailConfirmation(testCtx(db, { ip: null }), { ...target, staff: actor }, { deliver }),
        () => resetSecondFactor(testCtx(db, { ip: null }), { staff: actor, ...target, ...checklist }, { deliver }),
        () => setAccountEnabled(testCtx(db, { ip: null }), { staff: actor, ...target, enabled: false }),
        () => setAccountEnabled(testCtx(db, { ip: null }), { staff: actor, ...target, enabled: true }),
        () => closeAccount(testCtx(db, { ip: null }), { ...target, staff: actor }, { deliver }),
      ]) {
        await expect(run()).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    }
    // A support role in a half session is no support agent either.
    const half = await agent();
    await expect(
      searchAccounts(testCtx(db, { ip: null }), {
        staff: { ...half, actor: { ...half.actor, stage: "PASSWORD_VERIFIED" } },
        query: patient.email,
      }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await staffEntries(patient.id)).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("ACTIVE");
  });
});
