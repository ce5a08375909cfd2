import { randomUUID } from "node:crypto";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";

/**
 * The public catalogue as a visitor and a patient meet it: browsing with filters in the address, an
 * app's page with its data use and referencing file, suspended and delisted apps' status, reporting a
 * service, and a publisher's proposal. Demo apps are only read; what is changed is the test's own.
 */

/** A listed app of the test's own, with a name no other test uses. */
async function ownApp() {
  const name = `Respir ${randomUUID().slice(0, 8)}`;
  const app = await e2eDb().catalogApp.create({
    data: {
      slug: `e2e-${randomUUID().slice(0, 12)}`,
      name,
      publisher: "Éditeur E2E",
      theme: "CHRONIC_CONDITIONS",
      summaryFr: "Un service créé pour un test de bout en bout.",
      summaryEn: "A service made for an end-to-end test.",
      websiteUrl: "https://e2e.example",
      regions: [],
      screenshots: [],
      requestedScopes: ["launch/patient", "patient/Patient.r"],
      status: "LISTED",
      statusChangedAt: new Date(),
    },
    select: { id: true, slug: true },
  });
  return { ...app, name };
}

test("a visitor browses the catalogue with filters and a search, then reads an app's referencing file", async ({ page }) => {
  await page.goto("/catalogue");
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue de services" })).toBeVisible();
  await expect(page.getByTestId("catalogue-count")).toHaveText(/\d+ services correspondent/);
  // Submitted and delisted apps are not in the list; a suspended one is, marked so.
  await expect(page.getByRole("link", { name: "Pilulier Malin" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Nuit Paisible" })).toHaveCount(0);
  await expect(page.getByTestId("catalogue-card").filter({ hasText: "Croissance Bébé" }).getByText("Suspendu")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Thème").selectOption({ label: "Maladies chroniques" });
  await page.getByLabel("Données partagées").selectOption({ label: "mesures" });
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/theme=CHRONIC_CONDITIONS/);
  await expect(page).toHaveURL(/data=measurements/);
  await expect(page.getByRole("link", { name: "Tensio+" })).toBeVisible();
  await expect(page.getByRole("link", { name: "GlucoSuivi" })).toBeVisible();
  await expect(page.getByRole("link", { name: "RDV Santé Facile" })).toHaveCount(0);

  // The search ignores accents and keeps the filters.
  await page.getByLabel("Rechercher un service").fill("arterielle");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/q=arterielle/);
  await expect(page.getByTestId("catalogue-count")).toHaveText("1 service correspond à votre recherche.");
  await expect(page.getByLabel("Thème")).toHaveValue("CHRONIC_CONDITIONS");

  await page.getByRole("link", { name: "Tensio+" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tensio+" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Logo de Tensio+" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Capture d'écran 1 de Tensio+" })).toBeVisible();
  const documents = page.getByTestId("data-use").filter({ hasText: "Lire et rechercher vos documents" });
  await expect(documents).toContainText("Biologie");
  await expect(documents).toContainText("Pourquoi : Lire vos résultats de biologie");
  await expect(page.getByTestId("data-use").filter({ hasText: "Lire votre profil" })).toContainText("facultatif");

  await expect(page.getByRole("heading", { level: 2, name: "Dossier de référencement" })).toBeVisible();
  const security = page.getByTestId("criteria-security");
  await expect(security.getByRole("row", { name: /Hébergement certifié HDS/ })).toContainText("Rempli");
  await expect(page.getByTestId("criteria-interoperability").getByRole("row", { name: /MSSanté/ })).toContainText("Sans objet");
  await expect(page.getByTestId("decisions").getByRole("row")).toHaveCount(3);
  await expect(page.getByTestId("decisions")).toContainText("Référencé");

  // Signed out: connecting and reporting go through the sign-in first.
  await expect(page.getByRole("link", { name: "Connecter ce service" })).toHaveAttribute(
    "href",
    `/connexion?callbackUrl=${encodeURIComponent("/services-connectes/connecter/tensio-plus")}`,
  );
  await expect(page.getByRole("link", { name: "Connectez-vous pour signaler ce service" })).toBeVisible();
});

test("'Dispositifs médicaux uniquement' keeps only the medical devices", async ({ page }) => {
  await page.goto("/catalogue");
  await expect(page.getByRole("link", { name: "RDV Santé Facile" })).toBeVisible();
  await page.getByLabel("Dispositifs médicaux uniquement").check();
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/medical=1/);
  await expect(page.getByLabel("Dispositifs médicaux uniquement")).toBeChecked();
  await expect(page.getByRole("link", { name: "Tensio+" })).toBeVisible();
  await expect(page.getByRole("link", { name: "CardioWatch" })).toBeVisible();
  await expect(page.getByRole("link", { name: "RDV Santé Facile" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Pharma Proche" })).toHaveCount(0);
});

test("a suspended or delisted app says so with its reason; a submitted one is not public", async ({ page }) => {
  await page.goto("/catalogue/croissance-bebe");
  await expect(page.getByTestId("status-banner")).toContainText("Ce service est suspendu depuis le");
  await expect(page.getByTestId("status-banner")).toContainText("certification HDS");
  await expect(page.getByRole("link", { name: "Connecter ce service" })).toHaveCount(0);
  await expect(page.getByTestId("criteria-security").getByRole("row", { name: /Hébergement certifié HDS/ })).toContainText("Non rempli");
  await expectAccessible(page);

  await page.goto("/catalogue/nuit-paisible");
  await expect(page.getByTestId("status-banner")).toContainText("retiré du catalogue");
  await expect(page.getByTestId("decisions")).toContainText("Retiré du catalogue");
  await expectAccessible(page);

  expect((await page.goto("/catalogue/pilulier-malin"))?.status()).toBe(404);
});

test("a signed-in patient reports a service; the report reaches the curators", async ({ page, context }) => {
  const patient = await createAccount();
  const app = await ownApp();
  await signInAs(context, patient);
  await page.goto(`/catalogue/${app.slug}`);
  await expect(page.getByRole("link", { name: "Connecter ce service" })).toHaveAttribute(
    "href",
    `/services-connectes/connecter/${app.slug}`,
  );

  // No reason: said next to the group, nothing recorded.
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByText("Choisissez un motif.")).toBeVisible();

  await page.getByRole("radio", { name: "Atteinte à la confidentialité" }).check();
  await page.getByLabel("Précisions (facultatif)").fill("Le service demande mon profil sans l'expliquer.");
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("Merci : votre signalement a été transmis à l'équipe de référencement.");
  const reports = await e2eDb().catalogReport.findMany({
    where: { appId: app.id },
    select: { reporterId: true, reason: true, message: true },
  });
  expect(reports).toEqual([{ reporterId: patient.id, reason: "PRIVACY", message: "Le service demande mon profil sans l'expliquer." }]);
});

test("a publisher proposes a service: errors by the fields, then a submission that waits for review", async ({ page, context }) => {
  const publisher = await createAccount();
  await signInAs(context, publisher);
  await page.goto("/catalogue");
  await page.getByRole("link", { name: "Vous êtes éditeur ? Proposer un service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Proposer un service" })).toBeVisible();

  const name = `Kiné Plus ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Nom du service").fill(name);
  await page.getByLabel("Site web").fill("http://pas-https.example");
  await page.getByRole("button", { name: "Envoyer la proposition" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Le formulaire contient des erreurs" })).toBeVisible();
  await expect(page.getByLabel("Site web")).toHaveAccessibleDescription(/commençant par https:\/\//);
  await expect(page.getByLabel("Éditeur")).toHaveAccessibleDescription("Ce champ est obligatoire.");
  await expectAccessible(page);

  await page.getByLabel("Éditeur").fill("Réseau Kiné Test");
  await page.getByLabel("Adresse électronique de contact").fill("contact@kine-test.example");
  await page.getByLabel("Site web").fill("https://kine-test.example");
  await page.getByLabel("Thème").selectOption({ label: "Prise de rendez-vous" });
  await page.getByLabel("Modèle économique").selectOption({ label: "Gratuit" });
  await page.getByLabel("Résumé en français").fill("Réservez vos séances de kinésithérapie à domicile.");
  await page
    .getByLabel("Description en français")
    .fill("Un service de test qui met en relation patients et kinésithérapeutes se déplaçant à domicile.");
  await page.getByRole("checkbox", { name: /Lire votre profil/ }).check();
  await page.locator("#app-purposeFr-patient_Patient_r").fill("Transmettre votre adresse au kinésithérapeute.");
  await page.getByRole("button", { name: "Envoyer la proposition" }).click();
  await expect(page.getByText("Merci : votre proposition a été transmise à l'équipe de référencement.").first()).toBeVisible();

  const app = await e2eDb().catalogApp.findFirstOrThrow({
    where: { name },
    select: { status: true, submittedById: true, slug: true, requestedScopes: true, decisions: { select: { status: true } } },
  });
  expect(app).toMatchObject({
    status: "SUBMITTED",
    submittedById: publisher.id,
    requestedScopes: ["patient/Patient.r"],
    decisions: [{ status: "SUBMITTED" }],
  });
  // Not public until a curator lists it.
  expect((await page.request.get(`/catalogue/${app.slug}`)).status()).toBe(404);
});
