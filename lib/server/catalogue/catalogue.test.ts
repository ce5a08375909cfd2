import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseCatalogueQuery } from "@/lib/catalogue/catalogue-query";
import { ALL_CRITERIA } from "@/lib/catalogue/criteria";
import { criteriaReviewSchema } from "@/lib/catalogue/curation-schemas";
import type { CatalogAppStatus, Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { verifyHistoryChain } from "@/lib/server/history/verify-history-chain";
import { hashOpaqueToken, newOpaqueToken } from "@/lib/server/oauth/opaque-token";
import { verifyAccessToken } from "@/lib/server/oauth/verify-access-token";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { newCatalogApp } from "@/lib/testing/catalogue-fixtures";
import { testCtx, testSignedInCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { sendAccessEndedNotices } from "./access-ended-notices";
import { createCatalogueApp } from "./create-app";
import { decideAppStatus } from "./decide-app-status";
import { getPublicApp } from "./get-public-app";
import { REPORT_LIMIT, reportApp } from "./report-app";
import { reviewCriteria } from "./review-criteria";
import { searchCatalogue } from "./search-catalogue";

// Transactions from two connections interleave only on a real server: PGlite runs one at a time.
const realPostgres = Boolean(process.env.DATABASE_URL);

describe("the catalogue and its curation", () => {
  const db = useTestDb();
  // A second client, as a second app instance would have.
  const otherInstance = useTestDb();

  async function newUser(roles: ("PATIENT" | "CURATOR")[] = ["PATIENT"], locale: "fr" | "en" = "fr") {
    const email = `catalogue-${randomUUID()}@test.local`;
    const user = await db.user.create({
      data: { email, firstName: "Inès", lastName: "Garnier", roles, status: "ACTIVE", locale },
      select: { id: true },
    });
    return { id: user.id, email };
  }

  async function curator(): Promise<StaffActor> {
    const user = await newUser(["CURATOR"]);
    return {
      userId: user.id,
      role: "CURATOR",
      label: "Inès Garnier",
      actor: { userId: user.id, roles: ["CURATOR"], stage: "FULL", hasConfirmedFactor: true },
    };
  }

  /** An app straight in the database, named with a word no other test uses. */
  async function newApp(word: string, data: Partial<Prisma.CatalogAppCreateInput> = {}) {
    return newCatalogApp(db, { name: `${word} Santé`, requestedScopes: ["launch/patient"], ...data });
  }

  const proposal = (name: string) => ({
    name,
    publisher: "Éditeur Exemple",
    contactEmail: "contact@exemple.example",
    websiteUrl: "https://exemple.example",
    theme: "PHARMACY",
    priceModel: "FREE",
    summaryFr: "Un résumé assez long pour être accepté.",
    descriptionFr: "Une description assez longue pour passer la validation du formulaire de proposition.",
    scopes: ["launch/patient", "patient/DocumentReference.rs"],
    purposes: { "patient/DocumentReference.rs": { fr: "Lire vos ordonnances pour les rappels.", optional: false } },
    categories: ["PRESCRIPTION"],
  });

  // Through the form's own schema, as the checklist posts it.
  const reviewAll = (appId: string, outcome = "MET", overrides: Record<string, string> = {}) =>
    criteriaReviewSchema.parse(
      Object.fromEntries([
        ["appId", appId],
        ...ALL_CRITERIA.flatMap((criterion) => [
          [`outcome_${criterion}`, overrides[criterion] ?? outcome],
          [`note_${criterion}`, `Vu (${criterion})`],
        ]),
      ]),
    );

  async function expectCode(promise: Promise<unknown>, code: string, messageKey?: string) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
  }

  it("lists listed and suspended apps only, by filters and by a search that ignores case and accents", async () => {
    const word = `Crème${randomUUID().slice(0, 6)}`;
    const statuses: CatalogAppStatus[] = ["LISTED", "SUSPENDED", "SUBMITTED", "REFUSED", "DELISTED"];
    const apps = Object.fromEntries(await Promise.all(statuses.map(async (status) => [status, await newApp(word, { status })] as const)));
    const documents = await newApp(word, {
      theme: "PHARMACY",
      requestedScopes: ["patient/DocumentReference.rs"],
      regions: ["FR-BRE"],
      medicalDevice: true,
      priceModel: "PAID",
    });

    const found = (cards: { id: string }[]) => cards.map((card) => card.id).sort();
    const folded = word.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();
    expect(found(await searchCatalogue(testCtx(db), { q: folded }))).toEqual([apps.LISTED.id, apps.SUSPENDED.id, documents.id].sort());
    expect(found(await searchCatalogue(testCtx(db), { q: `${word} pharmacie` }))).toEqual([]);
    expect(found(await searchCatalogue(testCtx(db), { q: word, theme: "PHARMACY" }))).toEqual([documents.id]);
    expect(found(await searchCatalogue(testCtx(db), { q: word, data: "documents" }))).toEqual([documents.id]);
    expect(found(await searchCatalogue(testCtx(db), { q: word, data: "measurements" }))).toEqual([]);
    expect(found(await searchCatalogue(testCtx(db), { q: word, medical: true, price: "PAID" }))).toEqual([documents.id]);
    // The page passes the query it parsed from the address: "medical=1" arrives as `true` and must still filter.
    expect(found(await searchCatalogue(testCtx(db), parseCatalogueQuery({ q: word, medical: "1" })))).toEqual([documents.id]);
    expect(found(await searchCatalogue(testCtx(db), { q: word, medical: true }))).toEqual([documents.id]);
    // A national app is offered in every region; a regional one only in its own.
    expect(found(await searchCatalogue(testCtx(db), { q: word, region: "FR-BRE" }))).toEqual(
      [apps.LISTED.id, apps.SUSPENDED.id, documents.id].sort(),
    );
    expect(found(await searchCatalogue(testCtx(db), { q: word, region: "FR-IDF" }))).toEqual([apps.LISTED.id, apps.SUSPENDED.id].sort());

    expect(await getPublicApp(testCtx(db), { slug: apps.SUBMITTED.slug })).toBeNull();
    expect(await getPublicApp(testCtx(db), { slug: apps.REFUSED.slug })).toBeNull();
    expect((await getPublicApp(testCtx(db), { slug: apps.DELISTED.slug }))?.status).toBe("DELISTED");
  });

  it("enforces the allowed transitions, a reason, and a complete review before listing", async () => {
    const staff = await curator();
    const publisher = await newUser();
    const name = `Pilulier ${randomUUID().slice(0, 6)}`;
    const first = await createCatalogueApp(testCtx(db), { proposer: { kind: "publisher", userId: publisher.id }, input: proposal(name) });
    const second = await createCatalogueApp(testCtx(db), { proposer: { kind: "curator", staff }, input: proposal(name) });
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(await db.catalogApp.findUniqueOrThrow({ where: { id: first.id }, select: { status: true, submittedById: true } })).toEqual({
      status: "SUBMITTED",
      submittedById: publisher.id,
    });
    expect(await db.staffAuditEntry.count({ where: { targetAppId: second.id, action: "CATALOG_APP_CREATED" } })).toBe(1);

    const decide = (decision: "list" | "refuse" | "suspend" | "delist", reason = "Décision motivée par la commission.") =>
      decideAppStatus(testCtx(db), { staff, input: { appId: first.id, decision, reason } });
    await expectCode(decide("suspend"), "CONFLICT", "catalogue.curation.errors.transition");
    await expect(decide("list", "court")).rejects.toThrow();
    await expectCode(decide("list"), "CONFLICT", "catalogue.curation.errors.incomplete");

    await reviewCriteria(testCtx(db), { staff, input: reviewAll(first.id, "MET", { TWO_FACTOR: "NOT_MET", ECO_DESIGN: "NOT_MET" }) });
    await expectCode(decide("list"), "CONFLICT", "catalogue.curation.errors.securityNotMet");
    // Saving again changes only what changed: one criterion, one audit entry, the others keep their date.
    const before = await db.catalogCriterionReview.findUniqueOrThrow({ where: { appId_criterion: { appId: first.id, criterion: "INS" } } });
    expect(await reviewCriteria(testCtx(db), { staff, input: reviewAll(first.id, "MET", { ECO_DESIGN: "NOT_MET" }) })).toEqual({
      changed: 1,
    });
    expect(
      (await db.catalogCriterionReview.findUniqueOrThrow({ where: { appId_criterion: { appId: first.id, criterion: "INS" } } })).reviewedAt,
    ).toEqual(before.reviewedAt);
    expect(await db.staffAuditEntry.count({ where: { targetAppId: first.id, action: "CATALOG_CRITERION_REVIEWED" } })).toBe(
      ALL_CRITERIA.length + 1,
    );

    // An ethics criterion not met does not block listing; the public file shows it.
    expect(await decide("list")).toEqual({ status: "LISTED", notifiedPatients: 0 });
    await expectCode(decide("refuse"), "CONFLICT", "catalogue.curation.errors.transition");
    await decide("delist", "Retiré à la demande de l'éditeur.");
    await expectCode(decide("list"), "CONFLICT", "catalogue.curation.errors.transition");

    const file = await getPublicApp(testCtx(db), { slug: first.slug });
    expect(file?.decisions.map((d) => d.status)).toEqual(["SUBMITTED", "LISTED", "DELISTED"]);
    expect(file?.statusReason).toBe("Retiré à la demande de l'éditeur.");
    expect(file?.reviews.find((r) => r.criterion === "ECO_DESIGN")?.outcome).toBe("NOT_MET");
    expect(
      await db.staffAuditEntry.findMany({
        where: { targetAppId: first.id, action: "CATALOG_APP_STATUS_CHANGED" },
        select: { reason: true, details: true },
        orderBy: { createdAt: "asc" },
      }),
    ).toEqual([
      { reason: "Décision motivée par la commission.", details: { from: "SUBMITTED", to: "LISTED", notifiedPatients: 0 } },
      { reason: "Retiré à la demande de l'éditeur.", details: { from: "LISTED", to: "DELISTED", notifiedPatients: 0 } },
    ]);
  });

  it("suspending an app stops its tokens and tells each connected patient once, in their history, alerts and mail", async () => {
    const staff = await curator();
    const app = await newApp(`Tensio${randomUUID().slice(0, 6)}`);
    const client = await db.oAuthClient.create({
      data: { clientId: `c-${randomUUID()}`, appId: app.id, type: "PUBLIC", redirectUris: ["https://test.example/cb"] },
      select: { id: true },
    });
    const [alice, bob, gone] = await Promise.all([newUser(), newUser(["PATIENT"], "en"), newUser()]);
    const connect = (patientId: string, revokedAt: Date | null = null) =>
      db.appConnection.create({
        data: { patientId, appId: app.id, scopes: ["patient/Patient.r"], categories: [], revokedAt },
        select: { id: true },
      });
    const [aliceConnection] = await Promise.all([connect(alice.id), connect(bob.id), connect(gone.id, new Date())]);
    const token = newOpaqueToken("access");
    await db.oAuthToken.create({
      data: {
        tokenHash: hashOpaqueToken(token),
        kind: "ACCESS",
        clientId: client.id,
        connectionId: aliceConnection.id,
        scopes: ["patient/Patient.r"],
        familyId: randomUUID(),
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    expect((await verifyAccessToken(testCtx(db), { authorization: `Bearer ${token}` })).patientId).toBe(alice.id);

    const reason = "Hébergeur non certifié HDS : suspension le temps de l'audit.";
    let told = 0;
    expect(
      await decideAppStatus(
        testCtx(db),
        { staff, input: { appId: app.id, decision: "suspend", reason } },
        { tellPatients: () => (told += 1) },
      ),
    ).toEqual({ status: "SUSPENDED", notifiedPatients: 2 });
    // The decision ends access at once; the patients are told just after, outside its transaction.
    await expectCode(verifyAccessToken(testCtx(db), { authorization: `Bearer ${token}` }), "UNAUTHENTICATED");
    expect(await db.appConnection.count({ where: { appId: app.id, revokedAt: null } })).toBe(0);
    expect(told).toBe(1);
    expect(await db.historyEntry.count({ where: { patientId: alice.id } })).toBe(0);
    const delivered: string[] = [];
    // One patient per batch, to go through the batching; the second pass finds nobody left.
    expect(await sendAccessEndedNotices(testCtx(db), { deliver: (id) => delivered.push(id), batchSize: 1 })).toBe(2);
    expect(await sendAccessEndedNotices(testCtx(db), { deliver: (id) => delivered.push(id) })).toBe(0);
    expect(delivered).toHaveLength(2);

    for (const patient of [alice, bob]) {
      const entries = await db.historyEntry.findMany({
        where: { patientId: patient.id },
        select: { id: true, action: true, actorId: true, actorRole: true, actorLabel: true, details: true },
      });
      expect(entries).toEqual([
        {
          id: expect.any(String),
          action: "APP_ACCESS_ENDED",
          actorId: null,
          actorRole: "CURATOR",
          actorLabel: "Équipe de référencement",
          details: { appId: app.id, appName: app.name, decision: "suspend", reason },
        },
      ]);
      expect(
        await db.notification.findMany({ where: { userId: patient.id }, select: { kind: true, actorLabel: true, historyEntryId: true } }),
      ).toEqual([{ kind: "APP_SUSPENDED", actorLabel: app.name, historyEntryId: entries[0].id }]);
      expect((await verifyHistoryChain(db, patient.id)).intact).toBe(true);
    }
    expect(await db.notification.count({ where: { userId: gone.id } })).toBe(0);
    const mails = await db.outboundMessage.findMany({
      where: { recipient: { in: [alice.email, bob.email, gone.email] } },
      select: { recipient: true, subject: true, body: true },
    });
    expect(mails.map((mail) => mail.recipient).sort()).toEqual([alice.email, bob.email].sort());
    const french = mails.find((mail) => mail.recipient === alice.email)!;
    // The mail points to the alerts without naming the app (a name can reveal a condition).
    expect(french.body).toContain("/alertes");
    expect(french.body).not.toContain(app.name);
    expect(french.subject).toMatch(/suspendu/);
    expect(mails.find((mail) => mail.recipient === bob.email)!.subject).toMatch(/suspended/i);

    // The connections ended with the suspension: relisting the app gives it nothing back until each
    // patient connects it again, and a later decision has nobody left to tell.
    expect(await db.appConnection.count({ where: { appId: app.id, revokedAt: null } })).toBe(0);
    expect(await db.oAuthToken.count({ where: { connectionId: aliceConnection.id, revokedAt: null } })).toBe(0);
    await reviewCriteria(testCtx(db), { staff, input: reviewAll(app.id, "MET") });
    await decideAppStatus(testCtx(db), {
      staff,
      input: { appId: app.id, decision: "list", reason: "Audit HDS passé : l'application revient au catalogue." },
    });
    await expectCode(verifyAccessToken(testCtx(db), { authorization: `Bearer ${token}` }), "UNAUTHENTICATED");
    expect(
      await decideAppStatus(testCtx(db), {
        staff,
        input: { appId: app.id, decision: "suspend", reason: "Nouvelle suspension pour vérification." },
      }),
    ).toEqual({ status: "SUSPENDED", notifiedPatients: 0 });
    await sendAccessEndedNotices(testCtx(db), { deliver: () => {} });
    expect(await db.notification.count({ where: { userId: alice.id } })).toBe(1);
  });

  it("a patient who loses two apps in one batch is told of each, in its own words", async () => {
    const staff = await curator();
    const patient = await newUser();
    const [suspended, delisted] = [await newApp(`Pouls${randomUUID().slice(0, 6)}`), await newApp(`Sommeil${randomUUID().slice(0, 6)}`)];
    for (const app of [suspended, delisted])
      await db.appConnection.create({ data: { patientId: patient.id, appId: app.id, scopes: ["patient/Patient.r"], categories: [] } });
    await decideAppStatus(
      testCtx(db),
      { staff, input: { appId: suspended.id, decision: "suspend", reason: "Suspension le temps d'un audit." } },
      { tellPatients: () => {} },
    );
    await decideAppStatus(
      testCtx(db),
      { staff, input: { appId: delisted.id, decision: "delist", reason: "Retiré : l'éditeur a cessé son activité." } },
      { tellPatients: () => {} },
    );
    await sendAccessEndedNotices(testCtx(db), { deliver: () => {} });

    const entries = await db.historyEntry.findMany({
      where: { patientId: patient.id, action: "APP_ACCESS_ENDED" },
      select: { details: true },
    });
    expect(entries.map((entry) => (entry.details as { decision: string }).decision).sort()).toEqual(["delist", "suspend"]);
    expect(await db.notification.count({ where: { userId: patient.id, kind: "APP_SUSPENDED" } })).toBe(2);
    const subjects = (await db.outboundMessage.findMany({ where: { recipient: patient.email }, select: { subject: true } })).map(
      (mail) => mail.subject,
    );
    expect(subjects.sort()).toEqual([
      "Un service connecté à votre espace a été retiré du catalogue",
      "Un service connecté à votre espace a été suspendu",
    ]);
  });

  it.runIf(realPostgres)("two instances telling at once tell each patient once", async () => {
    const staff = await curator();
    const app = await newApp(`Glyco${randomUUID().slice(0, 6)}`);
    const patients = await Promise.all(Array.from({ length: 12 }, () => newUser()));
    await db.appConnection.createMany({
      data: patients.map((patient) => ({ patientId: patient.id, appId: app.id, scopes: ["patient/Patient.r"], categories: [] })),
    });
    await decideAppStatus(
      testCtx(db),
      { staff, input: { appId: app.id, decision: "delist", reason: "Retiré : l'éditeur a cessé son activité." } },
      { tellPatients: () => {} },
    );
    const counts = await Promise.all([
      sendAccessEndedNotices(testCtx(db), { deliver: () => {}, batchSize: 5 }),
      sendAccessEndedNotices(testCtx(otherInstance), { deliver: () => {}, batchSize: 5 }),
    ]);
    expect(counts[0] + counts[1]).toBe(12);
    for (const patient of patients) {
      expect(await db.historyEntry.count({ where: { patientId: patient.id, action: "APP_ACCESS_ENDED" } })).toBe(1);
      expect(await db.notification.count({ where: { userId: patient.id, kind: "APP_SUSPENDED" } })).toBe(1);
    }
  });

  it("takes a signed-in person's report and stops a flood", async () => {
    const reporter = await newUser();
    const app = await newApp(`Signal${randomUUID().slice(0, 6)}`);
    const hidden = await newApp("Caché", { status: "SUBMITTED" });
    const reporting = testSignedInCtx(db, { userId: reporter.id, roles: ["PATIENT"], stage: "FULL", hasConfirmedFactor: true });
    await expectCode(reportApp(reporting, { appId: hidden.id, reason: "SECURITY" }), "NOT_FOUND");
    const { reportId } = await reportApp(reporting, { appId: app.id, reason: "PRIVACY", message: "  Demande des données sans raison.  " });
    expect(
      await db.catalogReport.findUniqueOrThrow({
        where: { id: reportId },
        select: { appId: true, reporterId: true, reason: true, message: true, resolvedAt: true },
      }),
    ).toEqual({ appId: app.id, reporterId: reporter.id, reason: "PRIVACY", message: "Demande des données sans raison.", resolvedAt: null });
    for (let i = 1; i < REPORT_LIMIT.limit; i++) await reportApp(reporting, { appId: app.id, reason: "OTHER" });
    await expectCode(reportApp(reporting, { appId: app.id, reason: "OTHER" }), "RATE_LIMITED");
    expect(await db.catalogReport.count({ where: { reporterId: reporter.id } })).toBe(REPORT_LIMIT.limit);
  });
});
