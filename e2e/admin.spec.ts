import { readFile } from "node:fs/promises";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs, totpCode } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";

/**
 * The admin's pages as an admin meets them: giving the support role to a person, who then reaches
 * the accounts page from their own browser, and withdrawing it, which closes that page on their next
 * request; both changes in the staff log, filtered, exported as CSV; the history chain check; the
 * dashboard. A patient finds none of these pages. axe runs on each page visited.
 */

const ADMIN_PAGES = ["/admin", "/admin/roles", "/admin/tableau-de-bord", "/admin/journal"];

test("an admin gives and withdraws the support role, and finds both changes in the staff log", async ({ page, context, browser }) => {
  test.setTimeout(90_000);
  const admin = await createAccount({ roles: ["ADMIN"] });
  const person = await createAccount();
  await signInAs(context, admin);

  const agentContext = await browser.newContext({ baseURL: E2E_APP_URL });
  await signInAs(agentContext, person);
  const agentPage = await agentContext.newPage();
  expect((await agentPage.goto("/admin/comptes"))!.status()).toBe(404);

  // Give the role.
  await page.goto("/admin/roles");
  await expect(page.getByRole("heading", { level: 1, name: "Rôles de l'équipe" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Adresse électronique du compte").fill(person.email);
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByTestId("account-roles")).toHaveText("Patient");
  await page.getByLabel("Rôle", { exact: true }).selectOption("SUPPORT");
  await page.getByLabel("Donner ce rôle").check();
  await page.getByLabel("Motif").fill("Rejoint l'équipe support en mars");
  await page.getByRole("button", { name: "Enregistrer le changement" }).click();
  await expect(page.locator("form p", { hasText: "Le rôle « Support » a été donné." })).toBeVisible();
  await expect(page.getByTestId("account-roles")).toHaveText("Patient, Support");
  await expect(
    page.getByRole("table", { name: /Comptes ayant un rôle de l'équipe/ }).getByRole("cell", { name: person.email }),
  ).toBeVisible();
  await expectAccessible(page);

  // The person's very next request sees the accounts page.
  const granted = await agentPage.goto("/admin/comptes");
  expect(granted!.status()).toBe(200);
  await expect(agentPage.getByRole("heading", { level: 1 })).toBeVisible();

  // Withdraw it; a too short reason is refused first, next to the field.
  await page.getByLabel("Rôle", { exact: true }).selectOption("SUPPORT");
  await page.getByLabel("Retirer ce rôle").check();
  await page.getByLabel("Motif").fill("Court");
  await page.getByRole("button", { name: "Enregistrer le changement" }).click();
  await expect(page.getByText("Indiquez un motif d'au moins 10 caractères.")).toBeVisible();
  await page.getByLabel("Motif").fill("Change de service au 1er avril");
  await page.getByRole("button", { name: "Enregistrer le changement" }).click();
  await expect(page.locator("form p", { hasText: "Le rôle « Support » a été retiré." })).toBeVisible();
  await expect(page.getByTestId("account-roles")).toHaveText("Patient");
  expect((await agentPage.goto("/admin/comptes"))!.status()).toBe(404);
  await agentContext.close();

  // The staff log: both changes on the person's account, then filtered to the grant.
  await page.goto("/admin/journal");
  await expectAccessible(page);
  await page.getByLabel("Compte visé").fill(person.id);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(new RegExp(`target=${person.id}`));
  const table = page.getByTestId("journal-table");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("rowheader", { name: "Rôle donné" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Rôle retiré" })).toBeVisible();
  await expect(table.getByText("Change de service au 1er avril")).toBeVisible();
  await expect(table.getByRole("link", { name: "Camille Essai" }).first()).toHaveAttribute("href", `/admin/comptes/${person.id}`);

  await page.getByLabel("Action", { exact: true }).selectOption("ROLE_GRANTED");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByText("Rôle : Support")).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger en CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^journal-equipe-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.startsWith('\uFEFF"Date et heure (Paris)"')).toBe(true);
  const records = csv.trim().split("\r\n");
  expect(records).toHaveLength(2);
  expect(records[1]).toContain('"Rôle donné","Camille Essai"');
  expect(records[1]).toContain(`"${person.id}","Rejoint l'équipe support en mars","Rôle : Support"`);
  const response = await page.request.get(`/api/admin/journal/export?target=${person.id}`);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(response.headers()["cache-control"]).toMatch(/^no-store/);

  // The export itself is in the log now.
  await page.goto(`/admin/journal?action=AUDIT_LOG_EXPORTED&staff=${admin.id}`);
  await expect(table.getByRole("rowheader", { name: "Journal de l'équipe exporté" }).first()).toBeVisible();

  await page.getByRole("button", { name: "Vérifier l'intégrité des historiques" }).click();
  // The check runs in the background; the page follows it and shows the result when it ends.
  await expect(page.getByTestId("chain-check-result")).toContainText("Toutes les chaînes sont intactes.", { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Vérifier l'intégrité des historiques" })).toBeEnabled();
  await expectAccessible(page);
  // This admin's check, finished, is in the log with its counts.
  await expect(async () => {
    await page.goto(`/admin/journal?action=HISTORY_CHAINS_VERIFIED&staff=${admin.id}`);
    await expect(table.getByRole("rowheader", { name: "Intégrité des historiques vérifiée" })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });

  await page.goto("/admin/tableau-de-bord");
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();
  // The figures' table sits in a closed <details>: present in the page, out of the accessibility tree until opened.
  await expect(page.getByTestId("chart-failed-logins").locator("table tbody tr")).toHaveCount(30);
  await page.getByTestId("chart-account-status").getByText("Voir les chiffres en tableau").click();
  await expect(page.getByTestId("chart-account-status").getByRole("rowheader", { name: "Actif" })).toBeVisible();
});

test("an admin whose sign-in is not recent confirms their identity before changing a role", async ({ page, context }) => {
  const admin = await createAccount({ roles: ["ADMIN"] });
  const person = await createAccount();
  await signInAs(context, admin);
  await e2eDb().session.updateMany({ where: { userId: admin.id }, data: { authenticatedAt: new Date(Date.now() - 60 * 60_000) } });

  await page.goto(`/admin/roles?${new URLSearchParams({ email: person.email })}`);
  await expect(page.getByTestId("account-roles")).toHaveText("Patient");
  // Said up front, with the way to do it: no form that would fail.
  await expect(page.getByRole("button", { name: "Enregistrer le changement" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Confirmer mon identité" }).click();
  await expect(page).toHaveURL(/\/securite\/confirmer\?suite=%2Fadmin%2Froles%3Femail%3D/);
  await page.getByLabel("Mot de passe actuel", { exact: true }).fill(admin.password);
  await page.getByLabel("Code à 6 chiffres de votre application d'authentification").fill(totpCode(admin.totpSecret!));
  await page.getByRole("button", { name: "Confirmer", exact: true }).click();

  // Back on the same account, the change goes through.
  await expect(page).toHaveURL(/\/admin\/roles\?email=/);
  await page.getByLabel("Rôle", { exact: true }).selectOption("CURATOR");
  await page.getByLabel("Motif").fill("Renfort de l'équipe de curation");
  await page.getByRole("button", { name: "Enregistrer le changement" }).click();
  await expect(page.getByTestId("account-roles")).toHaveText("Patient, Curation du catalogue");
});

test("a patient gets a 404 on every admin page", async ({ page, context }) => {
  const patient = await createAccount();
  await signInAs(context, patient);
  for (const path of ADMIN_PAGES) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: /Rôles de l'équipe|Journal de l'équipe|Tableau de bord/ })).toHaveCount(0);
  }
  const exported = await page.request.get("/api/admin/journal/export");
  expect(exported.status()).toBe(403);
});
