import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";

/**
 * "Mon espace": what changed since the last visit, as cards that each lead to their page, and the
 * first steps while the space is empty. Each test makes its own patient.
 */

test.describe.configure({ timeout: 90_000 });

test("a new patient's home says how to start: a first document, a médecin traitant", async ({ page }) => {
  const patient = await createAccount();
  await signInAs(page.context(), patient);
  await page.goto("/espace");
  const start = page.getByRole("list", { name: "Pour commencer" });
  await expect(start.getByTestId("home-card")).toHaveCount(2);
  await expect(start.getByRole("link", { name: "Ajouter un document" })).toHaveAttribute("href", "/documents#upload-title");
  await expect(start.getByRole("link", { name: "Choisir mon médecin traitant" })).toHaveAttribute(
    "href",
    "/acces/professionnels?profession=medecin",
  );
  // A first visit has no "since": nothing is announced as new.
  await expect(page.getByRole("heading", { name: "Depuis votre dernière visite" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a document a professional added since the last sign-in is on a card naming who added it, and leads to the documents", async ({
  page,
}) => {
  const patient = await createAccount();
  const doctor = await createAccount({ roles: ["PROFESSIONAL"] });
  const lastVisit = new Date(Date.now() - 2 * 86_400_000);
  await e2eDb().securityEvent.createMany({
    data: [
      { userId: patient.id, kind: "LOGIN_SECOND_FACTOR_SUCCEEDED", createdAt: lastVisit },
      { userId: patient.id, kind: "LOGIN_SECOND_FACTOR_SUCCEEDED", createdAt: new Date() },
    ],
  });
  await e2eDb().document.create({
    data: {
      ownerId: patient.id,
      title: "Compte rendu de consultation",
      category: "REPORT",
      documentDate: new Date("2026-01-05"),
      authorKind: "PROFESSIONAL",
      addedById: doctor.id,
    },
  });
  await signInAs(page.context(), patient);
  await page.goto("/espace");

  const changes = page.getByRole("list", { name: "Depuis votre dernière visite" });
  const card = changes.getByTestId("home-card").filter({ hasText: "Nouveaux documents" });
  await expect(card).toContainText("1 nouveau document");
  await expect(card).toContainText("Compte rendu de consultation (ajouté par Camille Essai)");
  // With a document in the space, only the médecin traitant step is left.
  await expect(page.getByRole("list", { name: "Pour commencer" }).getByTestId("home-card")).toHaveCount(1);
  await expectAccessible(page);

  await card.getByRole("link", { name: "Voir tous mes documents" }).click();
  await expect(page).toHaveURL(/\/documents$/);
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("the first steps read in English", async ({ page }) => {
    await signInAs(page.context(), await createAccount());
    await page.goto("/espace");
    const start = page.getByRole("list", { name: "Getting started" });
    await expect(start.getByRole("link", { name: "Add a document" })).toBeVisible();
    await expect(start.getByRole("link", { name: "Choose my regular doctor" })).toBeVisible();
    await expectAccessible(page);
  });
});
