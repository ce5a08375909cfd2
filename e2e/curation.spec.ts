import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { hashOpaqueToken, newOpaqueToken } from "@/lib/server/oauth/opaque-token";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";
import { waitForMail } from "./support/mailbox";

/**
 * The curators' side: reviewing a submission and listing it, suspending an app a patient connected
 * (its token refused at once by the FHIR API, the patient alerted), and the pages closed to others.
 * Every app here is the test's own: the shared demo apps stay as other specs expect them.
 */

const CRITERIA = [
  "Identité nationale de santé (INS)",
  "Pro Santé Connect et annuaire RPPS",
  "Messagerie sécurisée MSSanté",
  "Échanges au standard FHIR",
  "Hébergement certifié HDS",
  "Double authentification",
  "Transparence",
  "Accompagnement humain",
  "Accessibilité",
  "Écoconception",
];

async function ownApp(status: "SUBMITTED" | "LISTED") {
  const name = `Souffle ${randomUUID().slice(0, 8)}`;
  const app = await e2eDb().catalogApp.create({
    data: {
      slug: `e2e-${randomUUID().slice(0, 12)}`,
      name,
      publisher: "Éditeur E2E",
      theme: "CHRONIC_CONDITIONS",
      summaryFr: "Un service créé pour un test de bout en bout.",
      summaryEn: "A service made for an end-to-end test.",
      descriptionFr: "Premier paragraphe.\n\nSecond paragraphe.",
      websiteUrl: "https://e2e.example",
      regions: [],
      screenshots: [],
      requestedScopes: ["launch/patient", "patient/Patient.r"],
      scopePurposes: { "patient/Patient.r": { fr: "Afficher votre nom.", en: "Show your name.", optional: false } },
      status,
      statusChangedAt: new Date(),
      decisions: { create: [{ status: "SUBMITTED", reason: "Proposé par l'éditeur.", actorLabel: "Éditeur E2E" }] },
    },
    select: { id: true, slug: true },
  });
  return { ...app, name };
}

async function decide(page: Page, decision: string, reason: string) {
  const form = page.getByTestId("decision-form");
  await form.getByRole("radio", { name: decision, exact: true }).check();
  await form.getByLabel("Motif (public)").fill(reason);
  await form.getByRole("button", { name: "Enregistrer la décision" }).click();
}

test("a curator reviews a submitted app, cannot list it before the review is complete, then lists it", async ({ page, context }) => {
  const curator = await createAccount({ roles: ["CURATOR"] });
  const app = await ownApp("SUBMITTED");
  await signInAs(context, curator);

  await page.goto("/admin/catalogue");
  await expect(page.getByRole("heading", { level: 1, name: "Référencement du catalogue" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByTestId("submitted-apps")
    .getByRole("link", { name: `Examiner ${app.name}` })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: app.name })).toBeVisible();
  await expectAccessible(page);

  await decide(page, "Référencer", "Avis favorable de la commission.");
  await expect(page.getByRole("alert").filter({ hasText: "revoyez d'abord tous les critères" })).toContainText("10 restent");

  const form = page.getByTestId("criteria-form");
  for (const criterion of CRITERIA) {
    await form
      .getByRole("group", { name: `Résultat : ${criterion}` })
      .getByRole("radio", { name: "Rempli", exact: true })
      .check();
  }
  await form.getByLabel("Note publique : Écoconception").fill("Application légère, sans traceur.");
  await form.getByRole("button", { name: "Enregistrer la revue" }).click();
  await expect(page.getByTestId("vault-announcer")).toHaveText("10 critères enregistrés.");

  await decide(page, "Référencer", "Avis favorable de la commission du 12 novembre.");
  await expect(page.getByTestId("vault-announcer")).toHaveText("Décision enregistrée : Référencé. Aucun patient à prévenir.");
  const audit = await e2eDb().staffAuditEntry.findMany({ where: { targetAppId: app.id, actorId: curator.id }, select: { action: true } });
  expect(audit.filter((entry) => entry.action === "CATALOG_CRITERION_REVIEWED")).toHaveLength(10);
  expect(audit.filter((entry) => entry.action === "CATALOG_APP_STATUS_CHANGED")).toHaveLength(1);

  // The public file shows the review and the decision with its reason.
  await page.goto(`/catalogue/${app.slug}`);
  await expect(page.getByTestId("decisions")).toContainText("Avis favorable de la commission du 12 novembre.");
  await expect(page.getByTestId("criteria-ethics").getByRole("row", { name: /Écoconception/ })).toContainText(
    "Application légère, sans traceur.",
  );
});

test("a curator enters a service; it joins the queue of applications", async ({ page, context }) => {
  const curator = await createAccount({ roles: ["CURATOR"] });
  await signInAs(context, curator);
  await page.goto("/admin/catalogue");
  await page.getByRole("link", { name: "Saisir un service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saisir un service" })).toBeVisible();
  const name = `Vaccins ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Nom du service").fill(name);
  await page.getByLabel("Éditeur").fill("Carnet Test");
  await page.getByLabel("Adresse électronique de contact").fill("contact@carnet-test.example");
  await page.getByLabel("Site web").fill("https://carnet-test.example");
  await page.getByLabel("Thème").selectOption({ label: "Enfants" });
  await page.getByLabel("Modèle économique").selectOption({ label: "Gratuit" });
  await page.getByLabel("Résumé en français").fill("Le carnet de vaccination de toute la famille.");
  await page
    .getByLabel("Description en français")
    .fill("Un service de test qui lit les documents de vaccination pour rappeler les échéances.");
  await page.getByRole("checkbox", { name: /Lire et rechercher vos documents/ }).check();
  await page.locator("#app-purposeFr-patient_DocumentReference_rs").fill("Lire vos documents de vaccination.");
  await page.getByRole("checkbox", { name: "Vaccination", exact: true }).check();
  await page.getByRole("button", { name: "Enregistrer le service" }).click();
  await expect(page.getByText("Service enregistré : il attend la revue de ses critères.").first()).toBeVisible();
  await expectAccessible(page);

  const app = await e2eDb().catalogApp.findFirstOrThrow({
    where: { name },
    select: { id: true, status: true, submittedById: true, documentCategories: true },
  });
  expect(app).toMatchObject({ status: "SUBMITTED", submittedById: null, documentCategories: ["VACCINATION"] });
  expect(await e2eDb().staffAuditEntry.count({ where: { targetAppId: app.id, actorId: curator.id, action: "CATALOG_APP_CREATED" } })).toBe(
    1,
  );
  await page.goto("/admin/catalogue");
  await expect(page.getByTestId("submitted-apps")).toContainText(name);
});

test("suspending an app a patient connected stops its token at once and alerts the patient", async ({ page, context, browser }) => {
  const curator = await createAccount({ roles: ["CURATOR"] });
  const patient = await createAccount();
  const app = await ownApp("LISTED");
  const db = e2eDb();
  const client = await db.oAuthClient.create({
    data: { clientId: `e2e-${randomUUID()}`, appId: app.id, type: "PUBLIC", redirectUris: ["https://e2e.example/callback"] },
    select: { id: true },
  });
  const connection = await db.appConnection.create({
    data: { patientId: patient.id, appId: app.id, scopes: ["launch/patient", "patient/Patient.r"], categories: [] },
    select: { id: true },
  });
  const token = newOpaqueToken("access");
  await db.oAuthToken.create({
    data: {
      tokenHash: hashOpaqueToken(token),
      kind: "ACCESS",
      clientId: client.id,
      connectionId: connection.id,
      scopes: ["launch/patient", "patient/Patient.r"],
      familyId: randomUUID(),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  const fhir = () =>
    page.request.get("/api/fhir/Patient", { headers: { Authorization: `Bearer ${token}`, Accept: "application/fhir+json" } });
  expect((await fhir()).status()).toBe(200);

  await signInAs(context, curator);
  await page.goto(`/admin/catalogue/${app.id}`);
  await expect(page.getByText("1 patient a connecté ce service.")).toBeVisible();
  const reason = "Faille de sécurité signalée : suspension le temps de la correction.";
  await decide(page, "Suspendre", reason);
  await expect(page.getByTestId("vault-announcer")).toHaveText("Décision enregistrée : Suspendu. 1 patient connecté va être prévenu.");
  expect((await fhir()).status()).toBe(401);

  // Told just after the decision, in the same transaction as the history entry and the alert.
  const mail = await waitForMail(patient.email, { subject: /suspendu/ });
  expect(mail.text).not.toContain(app.name);

  const patientContext = await browser.newContext({
    baseURL: E2E_APP_URL,
    locale: "fr-FR",
    extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.23" },
  });
  await signInAs(patientContext, patient);
  const patientPage = await patientContext.newPage();
  await patientPage.goto("/alertes");
  await expect(patientPage.getByTestId("alert").first()).toContainText(`${app.name} a été suspendu ou retiré du catalogue`);
  await patientPage.goto(`/catalogue/${app.slug}`);
  await expect(patientPage.getByTestId("status-banner")).toContainText(reason);
  await expect(patientPage.getByRole("link", { name: "Connecter ce service" })).toHaveCount(0);
  await expectAccessible(patientPage);
  await patientContext.close();
});

test("a curator registers a confidential client whose secret works once shown, then revokes it", async ({ page, context }) => {
  const curator = await createAccount({ roles: ["CURATOR"] });
  const app = await ownApp("LISTED");
  await signInAs(context, curator);
  await page.goto(`/admin/catalogue/${app.id}`);
  await expect(page.getByText("Aucun client enregistré : ce service ne peut pas encore se connecter.")).toBeVisible();

  // A plain-http redirect URI is refused at the field, and nothing is registered.
  await page.getByRole("radio", { name: /Client confidentiel/ }).check();
  await page.getByLabel("Adresses de retour").fill("http://e2e.example/callback");
  await page.getByRole("button", { name: "Enregistrer le client" }).click();
  await expect(page.getByText("Chaque ligne doit être une adresse https:// complète, sans fragment (#) ni identifiants.")).toBeVisible();
  await expect(page.getByLabel("Adresses de retour")).toHaveAttribute("aria-invalid", "true");
  expect(await e2eDb().oAuthClient.count({ where: { appId: app.id } })).toBe(0);

  await page.getByLabel("Adresses de retour").fill("https://e2e.example/callback\nhttps://e2e.example/mobile");
  await page.getByRole("button", { name: "Enregistrer le client" }).click();
  const registered = page.getByTestId("client-registered");
  await expect(registered).toBeFocused();
  await expect(registered).toContainText("il ne sera plus jamais affiché");
  const clientId = (await page.getByTestId("new-client-id").textContent())!;
  const secret = (await page.getByTestId("new-client-secret").textContent())!;
  expect(clientId).toMatch(new RegExp(`^${app.slug}-[0-9a-f]{10}$`));
  expect(secret).toMatch(/^ens_cs_/);
  await expect(page.getByTestId("oauth-client").filter({ hasText: clientId })).toContainText("https://e2e.example/mobile");
  await expectAccessible(page);

  // The token endpoint knows the client: a wrong grant is refused as such (400), not the client (401).
  const tokenCall = (credentials: string) =>
    page.request.post("/api/oauth/token", {
      form: { grant_type: "refresh_token", refresh_token: "ens_rt_inconnu" },
      headers: { Authorization: `Basic ${Buffer.from(credentials).toString("base64")}` },
    });
  const known = await tokenCall(`${clientId}:${secret}`);
  expect(known.status()).toBe(400);
  expect(await known.json()).toMatchObject({ error: "invalid_grant" });
  expect((await tokenCall(`${clientId}:ens_cs_faux`)).status()).toBe(401);

  // Revoked, after a confirmation: the same secret no longer authenticates.
  const row = page.getByTestId("oauth-client").filter({ hasText: clientId });
  await row.getByRole("button", { name: `Révoquer (client ${clientId})` }).click();
  await row.getByRole("button", { name: "Oui, révoquer ce client" }).click();
  await expect(page.getByTestId("vault-announcer")).toHaveText(`Client ${clientId} révoqué.`);
  await expect(page.getByTestId("oauth-client").filter({ hasText: clientId })).toContainText("révoqué le");
  const revoked = await tokenCall(`${clientId}:${secret}`);
  expect(revoked.status()).toBe(401);
  expect(await revoked.json()).toMatchObject({ error: "invalid_client" });
});

test("the curation pages are a 404 for a patient", async ({ page, context }) => {
  const patient = await createAccount();
  await signInAs(context, patient);
  const app = await ownApp("SUBMITTED");
  for (const path of ["/admin/catalogue", "/admin/catalogue/nouveau", `/admin/catalogue/${app.id}`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});
