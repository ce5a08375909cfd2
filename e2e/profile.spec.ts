import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";

/**
 * The "Profil médical" as a patient keeps it: one entry of each kind (the allergy typed with the
 * keyboard alone), the vaccination calendar's view, an allergy hidden from professionals; axe clean in
 * French and in English.
 */

async function openAdd(section: Locator) {
  await section
    .locator("summary")
    .filter({ hasText: /Ajouter une entrée|Add an entry/ })
    .click();
}

async function added(section: Locator, text: string) {
  await expect(section.getByText("Entrée ajoutée.")).toBeVisible();
  await expect(section.getByTestId("record-entry").filter({ hasText: text })).toBeVisible();
}

async function signedInPatient(page: Page) {
  const patient = await createAccount();
  await signInAs(page.context(), patient);
  return patient;
}

test("a patient adds one entry of each kind, one by keyboard only, and hides an allergy from professionals", async ({ page }) => {
  test.setTimeout(120_000);
  const patient = await signedInPatient(page);
  await e2eDb().document.create({
    data: {
      ownerId: patient.id,
      title: "Mes directives anticipées",
      category: "ADVANCE_DIRECTIVES",
      documentDate: new Date("2024-02-01"),
      authorKind: "PATIENT",
    },
  });
  await page.goto("/profil");
  await expect(page.getByRole("heading", { level: 1, name: "Profil médical" })).toBeVisible();

  // Antécédents.
  const conditions = page.getByTestId("record-condition");
  await openAdd(conditions);
  await conditions.getByLabel("Antécédent", { exact: true }).fill("Hypertension artérielle");
  await conditions.getByLabel("Date de début").fill("2015-03-01");
  await conditions.getByRole("button", { name: "Ajouter", exact: true }).click();
  await added(conditions, "Hypertension artérielle");

  // Allergies, by keyboard alone: open the form, type, submit with Enter.
  const allergies = page.getByTestId("record-allergy");
  await allergies.locator("summary").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab"); // the type (allergy by default)
  await page.keyboard.press("Tab");
  await expect(allergies.getByLabel("Substance", { exact: true })).toBeFocused();
  await page.keyboard.type("Pénicilline");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Urticaire");
  await page.keyboard.press("Enter");
  await added(allergies, "Pénicilline");

  // Traitements.
  const treatments = page.getByTestId("record-treatment");
  await openAdd(treatments);
  await treatments.getByLabel("Médicament", { exact: true }).fill("Amlodipine");
  await treatments.getByLabel("Dose").fill("5 mg");
  await treatments.getByLabel("Fréquence").fill("1 fois par jour");
  await treatments.getByRole("button", { name: "Ajouter", exact: true }).click();
  await added(treatments, "Amlodipine");

  // Vaccinations, and the calendar's view of what is due for a patient born in 1985.
  const vaccinations = page.getByTestId("record-vaccination");
  await openAdd(vaccinations);
  await vaccinations.getByLabel("Vaccin", { exact: true }).selectOption({ label: "dTP" });
  await vaccinations.getByLabel("Date de la vaccination").fill("2010-05-01");
  await vaccinations.getByLabel("Numéro de lot").fill("AB123");
  await vaccinations.getByRole("button", { name: "Ajouter", exact: true }).click();
  await added(vaccinations, "dTP");
  const calendar = page.getByTestId("vaccination-status");
  await expect(calendar.getByRole("row", { name: /Rappel diphtérie, tétanos, poliomyélite \(adulte\)/ })).toContainText("À jour");

  // Volontés: the directives document.
  const directives = page.getByTestId("record-directive");
  await openAdd(directives);
  await directives.getByLabel("Type de volonté").selectOption({ label: "Directives anticipées" });
  await directives.getByLabel("Document de directives anticipées").selectOption({ label: "Mes directives anticipées" });
  await directives.getByRole("button", { name: "Ajouter", exact: true }).click();
  await added(directives, "Document : Mes directives anticipées");

  // Personne de confiance.
  const contacts = page.getByTestId("record-contact");
  await openAdd(contacts);
  await contacts.getByLabel("Nom", { exact: true }).fill("Paul Essai");
  await contacts.getByLabel("Téléphone").fill("06 12 34 56 78");
  await contacts.getByRole("button", { name: "Ajouter", exact: true }).click();
  await added(contacts, "Paul Essai");

  // Each entry says who wrote it.
  await expect(allergies.getByTestId("record-entry")).toContainText("Saisi par Camille Essai (vous)");

  // Hide the allergy from professionals.
  const allergy = allergies.getByTestId("record-entry").filter({ hasText: "Pénicilline" });
  await allergy.getByRole("button", { name: /Masquer aux professionnels/ }).click();
  await expect(allergy.getByText("Masqué aux professionnels", { exact: true })).toBeVisible();
  expect(
    await e2eDb().recordAllergy.findFirstOrThrow({ where: { patientId: patient.id }, select: { hiddenFromProfessionals: true } }),
  ).toEqual({
    hiddenFromProfessionals: true,
  });
  expect(await e2eDb().historyEntry.count({ where: { patientId: patient.id, action: "RECORD_ENTRY_ADDED" } })).toBe(6);
  await expectAccessible(page);
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("the medical profile reads in English, with a refused field explained beside it", async ({ page }) => {
    await signedInPatient(page);
    await page.goto("/profil");
    await expect(page.getByRole("heading", { level: 1, name: "Medical profile" })).toBeVisible();
    const treatments = page.getByTestId("record-treatment");
    await treatments.locator("summary").filter({ hasText: "Add an entry" }).click();
    await treatments.getByLabel("Medication", { exact: true }).fill("Ramipril");
    await treatments.getByLabel("Start date").fill("2026-02-10");
    await treatments.getByLabel("End date").fill("2026-01-10");
    await treatments.getByRole("button", { name: "Add", exact: true }).click();
    await expect(treatments.getByText("The end date is before the start date.")).toBeVisible();
    await expectAccessible(page);
  });
});
