import { randomUUID } from "node:crypto";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";

/**
 * Re-asking consent when an app asks for more: a curator widens what a listed app asks for (a new
 * referenced version), the connected patient sees it on the home page, reads what it now asks on the
 * connected-apps page and answers; the card goes once answered. Each test makes its own app.
 */

test.describe.configure({ timeout: 120_000 });

const DOCS = "patient/DocumentReference.rs";
const OBS = "patient/Observation.rs";

/** A listed app reading prescriptions, and a patient connected to it with exactly that. */
async function connectedApp() {
  const name = `Tensio ${randomUUID().slice(0, 6)}`;
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
      status: "LISTED",
      statusChangedAt: new Date(),
      requestedScopes: ["launch/patient", DOCS],
      scopePurposes: {
        [DOCS]: { fr: "Lire vos ordonnances pour vos rappels.", en: "Read your prescriptions for reminders.", optional: false },
      },
      documentCategories: ["PRESCRIPTION"],
    },
    select: { id: true, slug: true },
  });
  const patient = await createAccount();
  await e2eDb().appConnection.create({
    data: { patientId: patient.id, appId: app.id, scopes: ["launch/patient", DOCS], categories: ["PRESCRIPTION"] },
  });
  return { app: { ...app, name }, patient };
}

test("a curator widens an app; its patient sees the card, reads what it asks, accepts, and the card is gone", async ({ page, context }) => {
  const { app, patient } = await connectedApp();
  const curator = await createAccount({ roles: ["CURATOR"] });
  await signInAs(context, curator);
  await page.goto(`/admin/catalogue/${app.id}`);
  const form = page.getByTestId("data-use-form");
  await expect(form.getByRole("checkbox", { name: new RegExp(DOCS.replace(/[./]/g, "\\$&")) })).toBeChecked();
  await form.getByRole("checkbox", { name: /patient\/Observation\.rs/ }).check();
  await form.locator('[name="purposeFr_patient_Observation_rs"]').fill("Tracer vos courbes de tension.");
  await form.locator('[name="purposeEn_patient_Observation_rs"]').fill("Chart your blood pressure.");
  await form
    .getByLabel("Motif du changement (public, affiché dans la fiche de référencement)")
    .fill("Lecture des mesures du tensiomètre ajoutée.");
  await form.getByRole("button", { name: "Enregistrer la nouvelle version" }).click();
  await expect(page.getByTestId("vault-announcer")).toHaveText(
    "Nouvelle version enregistrée. 1 patient connecté est invité à donner son accord.",
  );
  await expectAccessible(page);
  // Nothing granted by the change itself.
  const connection = await e2eDb().appConnection.findFirstOrThrow({ where: { appId: app.id }, select: { scopes: true } });
  expect(connection.scopes).not.toContain(OBS);

  await context.clearCookies();
  await signInAs(context, patient);
  await page.goto("/espace");
  const card = page.getByTestId("home-card").filter({ hasText: "Services en attente de votre accord" });
  await expect(card).toContainText(app.name);
  await expectAccessible(page);
  await card.getByRole("link", { name: "Voir ce qu'ils demandent" }).click();
  await expect(page).toHaveURL(/\/services-connectes#reconsent-title$/);
  const request = page.getByTestId("app-request");
  await expect(request).toContainText(`${app.name} demande en plus :`);
  await expect(request).toContainText("Tracer vos courbes de tension.");
  await expectAccessible(page);
  await request.getByRole("button", { name: `Accepter la nouvelle demande (${app.name})` }).click();
  await expect(page.getByText("La nouvelle demande est acceptée.")).toBeVisible();
  await expect(page.getByTestId("app-request")).toHaveCount(0);
  expect((await e2eDb().appConnection.findFirstOrThrow({ where: { appId: app.id }, select: { scopes: true } })).scopes).toContain(OBS);

  await page.goto("/espace");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("home-card").filter({ hasText: "Services en attente de votre accord" })).toHaveCount(0);
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("the patient keeps their current permissions, and the app is not asked about again", async ({ page, context }) => {
    const { app, patient } = await connectedApp();
    // What the curator's change leaves in the database: the app now needs the measurements too.
    await e2eDb().catalogApp.update({
      where: { id: app.id },
      data: {
        requestedScopes: ["launch/patient", DOCS, OBS],
        scopePurposes: {
          [DOCS]: { fr: "Lire vos ordonnances pour vos rappels.", en: "Read your prescriptions for reminders.", optional: false },
          [OBS]: { fr: "Tracer vos courbes de tension.", en: "Chart your blood pressure.", optional: false },
        },
      },
    });
    await signInAs(context, patient);
    await page.goto("/espace");
    const card = page.getByTestId("home-card").filter({ hasText: "Apps awaiting your consent" });
    await expect(card).toContainText(app.name);
    await card.getByRole("link", { name: "See what they ask for" }).click();
    const request = page.getByTestId("app-request");
    await expect(request).toContainText(`${app.name} also asks for:`);
    await expect(request).toContainText("Chart your blood pressure.");
    await expectAccessible(page);
    await request.getByRole("button", { name: `Keep my current permissions (${app.name})` }).click();
    await expect(page.getByText("Your permissions stay as they were.")).toBeVisible();
    await expect(page.getByTestId("app-request")).toHaveCount(0);

    await page.goto("/espace");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("home-card").filter({ hasText: "Apps awaiting your consent" })).toHaveCount(0);
    const kept = await e2eDb().appConnection.findFirstOrThrow({ where: { appId: app.id }, select: { scopes: true, declinedScopes: true } });
    expect(kept).toEqual({ scopes: ["launch/patient", DOCS], declinedScopes: [OBS] });
  });
});
