import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DocumentCategory } from "@/lib/generated/prisma/client";
import { scopesAllow } from "@/lib/oauth/smart-scopes";
import { changeAppDataUse } from "@/lib/server/catalogue/change-app-data-use";
import { sendReconsentNotices } from "@/lib/server/catalogue/reconsent-notices";
import { AppError } from "@/lib/server/errors";
import { verifyHistoryChain } from "@/lib/server/history/verify-history-chain";
import { verifyAccessToken } from "@/lib/server/oauth/verify-access-token";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { newCatalogApp, newConnectedApp } from "@/lib/testing/catalogue-fixtures";
import { testAccountCtx, testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { acceptAppRequest } from "./accept-app-request";
import { changeConnection } from "./change-connection";
import { connectApp } from "./connect-app";
import { declineAppRequest } from "./decline-app-request";
import { listConnections } from "./list-connections";
import { awaitingReconsentWhere, awaitsReconsent, newlyAsked, type ReconsentApp, type ReconsentConnection } from "./reconsent";

const DOCS = "patient/DocumentReference.rs";
const OBS = "patient/Observation.rs";
const PATIENT = "patient/Patient.r";

const purposes = {
  [DOCS]: { fr: "Lire vos comptes rendus pour les rappels.", en: "Read your reports for reminders.", optional: false },
  [OBS]: { fr: "Lire vos mesures de tension.", en: "Read your blood pressure readings.", optional: false },
  [PATIENT]: { fr: "Afficher votre nom dans l'appli.", en: "Show your name in the app.", optional: true },
};

describe("re-asking consent when an app asks for more", () => {
  const db = useTestDb();

  async function newPatient(locale: "fr" | "en" = "fr") {
    const email = `reconsent-${randomUUID()}@test.local`;
    const user = await db.user.create({
      data: { email, firstName: "Inès", lastName: "Garnier", roles: ["PATIENT"], status: "ACTIVE", locale },
      select: { id: true },
    });
    return { id: user.id, email };
  }

  async function curator(): Promise<StaffActor> {
    const user = await db.user.create({
      data: { email: `curator-${randomUUID()}@test.local`, firstName: "Paul", lastName: "Curateur", roles: ["CURATOR"], status: "ACTIVE" },
      select: { id: true },
    });
    return {
      userId: user.id,
      role: "CURATOR",
      label: "Paul Curateur",
      actor: { userId: user.id, roles: ["CURATOR"], stage: "FULL", hasConfirmedFactor: true },
    };
  }

  /** A listed app asking for the documents (prescriptions and reports) and, optionally, the patient's name. */
  const tensio = () =>
    newCatalogApp(db, {
      name: `Tensio ${randomUUID().slice(0, 6)}`,
      requestedScopes: ["launch/patient", DOCS, PATIENT],
      scopePurposes: { [DOCS]: purposes[DOCS], [PATIENT]: purposes[PATIENT] },
      documentCategories: ["PRESCRIPTION", "REPORT"],
    });

  /** The curator's form for that app, widened by `more`. */
  const widened = (appId: string, more: { scopes?: string[]; categories?: DocumentCategory[]; optional?: boolean } = {}) => ({
    appId,
    scopes: ["launch/patient", DOCS, PATIENT, ...(more.scopes ?? [])],
    purposes: {
      ...purposes,
      ...Object.fromEntries(
        (more.scopes ?? []).map((scope) => [scope, { ...purposes[scope as keyof typeof purposes], optional: more.optional ?? false }]),
      ),
    },
    categories: ["PRESCRIPTION", "REPORT", ...(more.categories ?? [])],
    reason: "Tensio+ lit désormais les mesures de tension envoyées par le tensiomètre.",
  });

  describe("the rule", () => {
    const app: ReconsentApp = {
      id: randomUUID(),
      status: "LISTED",
      requestedScopes: ["launch/patient", DOCS, OBS, PATIENT],
      scopePurposes: purposes,
      documentCategories: ["PRESCRIPTION", "REPORT"],
    };
    const granted: ReconsentConnection = {
      scopes: ["launch/patient", DOCS, OBS],
      categories: ["PRESCRIPTION", "REPORT"],
      declinedScopes: [],
      declinedCategories: [],
      revokedAt: null,
    };

    it("asks for a required scope or a category neither granted nor declined, never for an optional scope", () => {
      expect(awaitsReconsent(granted, app)).toBe(false);
      expect(newlyAsked({ ...granted, scopes: ["launch/patient", DOCS] }, app)).toEqual({ scopes: [OBS], categories: [] });
      expect(newlyAsked({ ...granted, categories: ["PRESCRIPTION"] }, app)).toEqual({ scopes: [], categories: ["REPORT"] });
      expect(awaitsReconsent({ ...granted, scopes: ["launch/patient", DOCS], declinedScopes: [OBS] }, app)).toBe(false);
      expect(awaitsReconsent({ ...granted, categories: ["PRESCRIPTION"], declinedCategories: ["REPORT"] }, app)).toBe(false);
      // Categories matter only to a connection that reads documents.
      expect(awaitsReconsent({ ...granted, scopes: [OBS], categories: [], declinedScopes: [DOCS] }, app)).toBe(false);
    });

    it("asks nothing of an ended connection or for an app that is not listed", () => {
      const lacking = { ...granted, scopes: [DOCS] };
      expect(awaitsReconsent(lacking, app)).toBe(true);
      expect(awaitsReconsent({ ...lacking, revokedAt: new Date() }, app)).toBe(false);
      expect(awaitsReconsent(lacking, { ...app, status: "SUSPENDED" })).toBe(false);
    });

    it("selects in the database exactly the connections the function says await", async () => {
      const row = await newCatalogApp(db, {
        requestedScopes: app.requestedScopes,
        scopePurposes: purposes,
        documentCategories: app.documentCategories,
      });
      const stored = { ...app, id: row.id };
      const cases: Omit<ReconsentConnection, "revokedAt">[] = [
        granted,
        { ...granted, scopes: ["launch/patient", DOCS] },
        { ...granted, scopes: ["launch/patient", DOCS], declinedScopes: [OBS] },
        { ...granted, categories: ["PRESCRIPTION"] },
        { ...granted, categories: ["PRESCRIPTION"], declinedCategories: ["REPORT"] },
        { ...granted, scopes: [OBS], categories: [], declinedScopes: [DOCS] },
        { ...granted, scopes: [OBS], categories: [] },
      ];
      const expected: string[] = [];
      for (const connection of cases) {
        const patient = await newPatient();
        const created = await db.appConnection.create({
          data: { patientId: patient.id, appId: row.id, ...connection },
          select: { id: true },
        });
        if (awaitsReconsent({ ...connection, revokedAt: null }, stored)) expected.push(created.id);
      }
      const selected = await db.appConnection.findMany({ where: awaitingReconsentWhere(stored), select: { id: true } });
      expect(selected.map((connection) => connection.id).sort()).toEqual(expected.sort());
      expect(expected).toHaveLength(3);
    });
  });

  it("a curator's new version marks who now awaits, tells each once (history, alert, mail), and grants nothing", async () => {
    const staff = await curator();
    const app = await tensio();
    const [alice, bob, carol] = await Promise.all([newPatient(), newPatient("en"), newPatient()]);
    for (const patient of [alice, bob, carol])
      await connectApp(testAccountCtx(db, patient.id), {
        slug: app.slug,
        form: { scopes: patient === carol ? [] : [PATIENT], categories: ["PRESCRIPTION", "REPORT"] },
      });
    // A patient who took the reports back: not asked for them again by an unrelated change.
    const [aliceBefore] = await listConnections(testAccountCtx(db, alice.id));
    await changeConnection(testAccountCtx(db, alice.id), {
      connectionId: aliceBefore.id,
      form: { scopes: [DOCS, PATIENT], categories: ["PRESCRIPTION"] },
    });
    expect(await db.appConnection.count({ where: awaitingReconsentWhere({ ...(await appRule(app.id)) }) })).toBe(0);

    let enqueued = 0;
    const outcome = await changeAppDataUse(
      testCtx(db),
      { staff, input: widened(app.id, { scopes: [OBS] }) },
      { tellPatients: () => (enqueued += 1) },
    );
    expect(outcome).toEqual({ awaitingPatients: 3 });
    expect(enqueued).toBe(1);
    const stored = await db.catalogApp.findUniqueOrThrow({ where: { id: app.id }, select: { requestedScopes: true, status: true } });
    expect(stored).toEqual({ requestedScopes: ["launch/patient", DOCS, PATIENT, OBS], status: "LISTED" });
    // Recorded like every curation act: a decision on the public file (status unchanged) and the staff log.
    const decisions = await db.catalogDecision.findMany({ where: { appId: app.id }, select: { status: true, reason: true } });
    expect(decisions).toEqual([{ status: "LISTED", reason: widened(app.id).reason }]);
    const audit = await db.staffAuditEntry.findFirstOrThrow({
      where: { actorId: staff.userId, action: "CATALOG_APP_DATA_USE_CHANGED" },
      select: { reason: true, details: true },
    });
    expect(audit.details).toMatchObject({ scopesAdded: [OBS], scopesRemoved: [], awaitingPatients: 3 });
    // Nothing granted: every connection still has only what its patient gave.
    const connections = await db.appConnection.findMany({ where: { appId: app.id }, select: { scopes: true } });
    for (const connection of connections) expect(connection.scopes).not.toContain(OBS);

    // Bob answers before he is told: he is not told about a request he already answered.
    const [bobConnection] = await listConnections(testAccountCtx(db, bob.id));
    expect(bobConnection.asks).toEqual({ scopes: [OBS], categories: [] });
    await declineAppRequest(testAccountCtx(db, bob.id), { connectionId: bobConnection.id });

    const delivered: string[] = [];
    expect(await sendReconsentNotices(testCtx(db), { deliver: (id) => delivered.push(id), batchSize: 1 })).toBe(2);
    expect(await sendReconsentNotices(testCtx(db), { deliver: (id) => delivered.push(id) })).toBe(0);
    expect(delivered).toHaveLength(2);
    for (const patient of [alice, carol]) {
      const entry = await db.historyEntry.findFirstOrThrow({
        where: { patientId: patient.id, action: "APP_REQUEST_WIDENED" },
        select: { id: true, actorRole: true, details: true },
      });
      expect(entry).toEqual({
        id: expect.any(String),
        actorRole: "CURATOR",
        details: { appId: app.id, appName: app.name, scopes: [OBS], categories: [], reason: widened(app.id).reason },
      });
      expect(
        await db.notification.findMany({ where: { userId: patient.id }, select: { kind: true, actorLabel: true, historyEntryId: true } }),
      ).toEqual([{ kind: "APP_RECONSENT", actorLabel: app.name, historyEntryId: entry.id }]);
      expect((await verifyHistoryChain(db, patient.id)).intact).toBe(true);
    }
    expect(await db.notification.count({ where: { userId: bob.id } })).toBe(0);
    const mails = await db.outboundMessage.findMany({
      where: { recipient: { in: [alice.email, bob.email, carol.email] } },
      select: { recipient: true, body: true },
    });
    expect(mails.map((mail) => mail.recipient).sort()).toEqual([alice.email, carol.email].sort());
    // The mail leads to the connected apps without naming the app (a name can reveal a condition).
    expect(mails[0].body).toContain("/services-connectes");
    expect(mails[0].body).not.toContain(app.name);

    // The same version saved again tells nobody: they were already asked.
    expect(await changeAppDataUse(testCtx(db), { staff, input: widened(app.id, { scopes: [OBS] }) }, { tellPatients: () => {} })).toEqual({
      awaitingPatients: 0,
    });
  });

  it("refuses a change that does not pass the form's rules", async () => {
    const staff = await curator();
    const app = await tensio();
    await expect(changeAppDataUse(testCtx(db), { staff, input: { ...widened(app.id), reason: "court" } })).rejects.toThrow();
    await expect(changeAppDataUse(testCtx(db), { staff, input: { ...widened(app.id), categories: [] } })).rejects.toThrow(
      /categoriesRequired/,
    );
    expect(await db.catalogDecision.count({ where: { appId: app.id } })).toBe(0);
  });

  it("a token cannot use the new scope before the patient consents, whatever scopes its row carries", async () => {
    const patient = await newPatient();
    const { app, connectionId, token } = await newConnectedApp(db, {
      patientId: patient.id,
      scopes: ["launch/patient", DOCS],
      categories: ["PRESCRIPTION", "REPORT"],
      app: {
        requestedScopes: ["launch/patient", DOCS],
        scopePurposes: { [DOCS]: purposes[DOCS] },
        documentCategories: ["PRESCRIPTION", "REPORT"],
      },
    });
    // A token row carrying the new scope, as if an app tried to widen itself: the connection still bounds it.
    await db.oAuthToken.updateMany({ where: { connectionId }, data: { scopes: ["launch/patient", DOCS, OBS] } });
    await changeAppDataUse(
      testCtx(db),
      {
        staff: await curator(),
        input: {
          ...widened(app.id, { scopes: [OBS] }),
          scopes: ["launch/patient", DOCS, OBS],
          purposes: { [DOCS]: purposes[DOCS], [OBS]: purposes[OBS] },
        },
      },
      { tellPatients: () => {} },
    );
    const before = await verifyAccessToken(testCtx(db), { authorization: `Bearer ${token}` });
    expect(before.scopes).toEqual(["launch/patient", DOCS]);
    expect(scopesAllow(before.scopes, "Observation", "search")).toBe(false);
    expect(scopesAllow(before.scopes, "DocumentReference", "search")).toBe(true);

    await acceptAppRequest(testAccountCtx(db, patient.id), { connectionId });
    const after = await verifyAccessToken(testCtx(db), { authorization: `Bearer ${token}` });
    expect(scopesAllow(after.scopes, "Observation", "search")).toBe(true);
  });

  it("accepting grants what is asked through the consent code; keeping declines it until the app asks for something else", async () => {
    const staff = await curator();
    const app = await tensio();
    const [alice, bob] = await Promise.all([newPatient(), newPatient()]);
    for (const patient of [alice, bob])
      await connectApp(testAccountCtx(db, patient.id), { slug: app.slug, form: { scopes: [], categories: ["PRESCRIPTION", "REPORT"] } });
    await changeAppDataUse(
      testCtx(db),
      { staff, input: widened(app.id, { scopes: [OBS], categories: ["IMAGING"] }) },
      { tellPatients: () => {} },
    );

    const [aliceConnection] = await listConnections(testAccountCtx(db, alice.id));
    expect(aliceConnection.asks).toEqual({ scopes: [OBS], categories: ["IMAGING"] });
    await acceptAppRequest(testAccountCtx(db, alice.id), { connectionId: aliceConnection.id });
    const accepted = await db.appConnection.findUniqueOrThrow({
      where: { id: aliceConnection.id },
      select: { scopes: true, categories: true },
    });
    expect(accepted.scopes).toEqual(expect.arrayContaining([DOCS, OBS]));
    // The optional scope she left out stays out: accepting the new request is not accepting everything.
    expect(accepted.scopes).not.toContain(PATIENT);
    expect(accepted.categories.sort()).toEqual(["IMAGING", "PRESCRIPTION", "REPORT"]);
    expect((await listConnections(testAccountCtx(db, alice.id)))[0].asks).toEqual({ scopes: [], categories: [] });
    const aliceHistory = await db.historyEntry.findMany({
      where: { patientId: alice.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(aliceHistory.map((entry) => entry.action)).toEqual(["APP_CONNECTED", "APP_CONNECTION_CHANGED"]);
    await expect(acceptAppRequest(testAccountCtx(db, alice.id), { connectionId: aliceConnection.id })).rejects.toSatisfy(
      (error: unknown) => error instanceof AppError && error.code === "CONFLICT",
    );

    const [bobConnection] = await listConnections(testAccountCtx(db, bob.id));
    await declineAppRequest(testAccountCtx(db, bob.id), { connectionId: bobConnection.id });
    const kept = await db.appConnection.findUniqueOrThrow({
      where: { id: bobConnection.id },
      select: { scopes: true, categories: true, declinedScopes: true, declinedCategories: true },
    });
    expect(kept.scopes).not.toContain(OBS);
    expect(kept.declinedScopes).toContain(OBS);
    expect(kept.declinedCategories).toContain("IMAGING");
    const declined = await db.historyEntry.findFirstOrThrow({
      where: { patientId: bob.id, action: "APP_REQUEST_DECLINED" },
      select: { details: true },
    });
    expect(declined.details).toMatchObject({ scopes: [OBS], categories: ["IMAGING"] });
    expect((await listConnections(testAccountCtx(db, bob.id)))[0].asks).toEqual({ scopes: [], categories: [] });

    // A later version that asks for something new asks Bob again, for that only.
    await changeAppDataUse(
      testCtx(db),
      { staff, input: widened(app.id, { scopes: [OBS], categories: ["IMAGING", "LAB_RESULTS"] }) },
      { tellPatients: () => {} },
    );
    expect((await listConnections(testAccountCtx(db, bob.id)))[0].asks).toEqual({ scopes: [], categories: ["LAB_RESULTS"] });
  });

  it("only the connection's own patient answers its request", async () => {
    const staff = await curator();
    const app = await tensio();
    const [alice, mallory] = await Promise.all([newPatient(), newPatient()]);
    await connectApp(testAccountCtx(db, alice.id), { slug: app.slug, form: { scopes: [], categories: ["PRESCRIPTION", "REPORT"] } });
    await changeAppDataUse(testCtx(db), { staff, input: widened(app.id, { scopes: [OBS] }) }, { tellPatients: () => {} });
    const [connection] = await listConnections(testAccountCtx(db, alice.id));
    for (const answer of [acceptAppRequest, declineAppRequest])
      await expect(answer(testAccountCtx(db, mallory.id), { connectionId: connection.id })).rejects.toSatisfy(
        (error: unknown) => error instanceof AppError && error.code === "NOT_FOUND",
      );
    expect((await listConnections(testAccountCtx(db, alice.id)))[0].asks.scopes).toEqual([OBS]);
  });

  async function appRule(appId: string): Promise<ReconsentApp> {
    return db.catalogApp.findUniqueOrThrow({
      where: { id: appId },
      select: { id: true, status: true, requestedScopes: true, scopePurposes: true, documentCategories: true },
    });
  }
});
