import type { Page } from "@playwright/test";
import { createAccount, e2eDb, signInAs, totpCode } from "./support/accounts";
import { waitForMail } from "./support/mailbox";
import { expect, expectAccessible, test } from "./fixtures";

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continuer" }).click();
}

test("support finds a locked patient, unlocks them, resets their second factor after the identity check; the patient is told, signed out, and sees it in their history", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const agent = await createAccount({ roles: ["SUPPORT"] });
  const patient = await createAccount();
  await e2eDb().user.update({
    where: { id: patient.id },
    data: { consecutiveFailures: 12, lockedUntil: new Date(Date.now() + 60 * 60_000) },
  });
  await e2eDb().document.create({
    data: {
      ownerId: patient.id,
      title: "Compte rendu confidentiel",
      category: "REPORT",
      documentDate: new Date("2024-05-01"),
      authorKind: "PATIENT",
    },
  });

  // The patient has a session open elsewhere, before support steps in.
  const patientContext = await browser.newContext();
  await signInAs(patientContext, patient);
  const patientPage = await patientContext.newPage();
  await patientPage.goto("/historique");
  await expect(patientPage.getByRole("heading", { level: 1, name: "Historique des accès" })).toBeVisible();

  await signInAs(page.context(), agent);
  await page.goto("/admin/comptes");
  await page.getByLabel("Rechercher un compte").fill(patient.email.toUpperCase());
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/\/admin\/comptes\?q=/);
  const results = page.getByRole("table", { name: /Comptes correspondant à la recherche/ });
  await expect(results.getByRole("row")).toHaveCount(2);
  await expect(results).toContainText(patient.email);
  await expectAccessible(page);
  await results.getByRole("link", { name: "Essai Camille" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Camille Essai" })).toBeVisible();
  await expect(page.getByTestId("account-lock")).toContainText("verrouillé jusqu'au");
  await expect(page.getByTestId("account-factors")).toHaveText("application d'authentification (1)");
  // Support sees that documents exist, never what they are.
  await expect(page.getByText("1 document,")).toBeVisible();
  await expect(page.getByText("Compte rendu confidentiel")).toHaveCount(0);
  expect(
    await e2eDb().staffAuditEntry.count({ where: { actorId: agent.id, targetUserId: patient.id, action: "ACCOUNT_VIEWED" } }),
  ).toBeGreaterThanOrEqual(1);

  const unlock = page.getByRole("region", { name: "Débloquer le compte" });
  await unlock.getByLabel("Motif").fill("Appel de la personne, bloquée après des erreurs de saisie");
  await unlock.getByRole("button", { name: "Débloquer" }).click();
  await expect(page.getByTestId("vault-announcer")).toHaveText("Compte débloqué.");
  await expect(page.getByTestId("account-lock")).toHaveText("non verrouillé");

  const reason = "Téléphone perdu, identité vérifiée par rappel au numéro connu";
  const reset = page.getByRole("region", { name: "Réinitialiser le second facteur" });
  await reset.getByRole("button", { name: "Réinitialiser le second facteur…" }).click();
  await expect(reset.getByText("Tous les moyens de connexion de la personne seront supprimés")).toBeVisible();
  await reset.getByLabel("Motif").fill(reason);
  // The checklist is required by the server too (the form does not stop at the browser's checks).
  await reset.getByRole("button", { name: "Confirmer la réinitialisation" }).click();
  await expect(reset.getByText("Cochez chacun des trois points de vérification.")).toBeVisible();
  await expect(reset.getByRole("alert")).toHaveText("Le formulaire contient une erreur : corrigez le champ indiqué.");
  await expectAccessible(page);
  await reset.getByLabel("Identité vérifiée (pièce d'identité ou rappel au numéro connu)").check();
  await reset.getByLabel("Date de naissance confirmée").check();
  await reset.getByLabel("Demande faite par la personne elle-même").check();
  await reset.getByRole("button", { name: "Confirmer la réinitialisation" }).click();
  await expect(page.getByTestId("vault-announcer")).toHaveText(/^Second facteur réinitialisé/);
  await expect(page.getByTestId("account-factors")).toHaveText(/^aucun/);
  await expect(page.getByTestId("account-sessions")).toHaveText("0");
  await expect(page.getByRole("cell", { name: "Second facteur réinitialisé par le support" })).toBeVisible();

  const mail = await waitForMail(patient.email, { subject: /réinitialisé par le support/ });
  expect(mail.text).toContain("toutes vos sessions ont été fermées");
  expect(mail.text).toContain("contactez le support immédiatement");
  expect(mail.text).not.toContain("Compte rendu confidentiel");

  // The session the patient had open is over.
  await patientPage.reload();
  await expect(patientPage).toHaveURL(/\/connexion\?callbackUrl=%2Fhistorique$/);

  // Signing in again leads to enrolling a new factor, as for a new account.
  await signInWithPassword(patientPage, patient.email, patient.password);
  await expect(patientPage).toHaveURL(/\/connexion\/enrolement/);
  await patientPage.getByRole("button", { name: "Configurer une application" }).click();
  const secret = (await patientPage.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await patientPage.getByLabel("Code affiché par l'application").fill(totpCode(secret));
  await patientPage.getByRole("button", { name: "Confirmer" }).click();
  await expect(patientPage).toHaveURL(/\/securite\/codes-de-secours/);

  await patientPage.goto("/historique");
  const entries = patientPage.getByTestId("history-entry");
  const resetEntry = entries.filter({ hasText: "Second facteur réinitialisé par le support" });
  await expect(resetEntry).toHaveCount(1);
  await expect(resetEntry).toContainText("Support");
  await expect(resetEntry).toContainText(reason);
  await expect(entries.filter({ hasText: "Compte débloqué par le support" })).toHaveCount(1);
  await expectAccessible(patientPage);
  await patientContext.close();
});

test("support pages are a 404 for a patient, and an agent cannot act on their own account", async ({ page, browser }) => {
  const patient = await createAccount();
  await signInAs(page.context(), patient);
  expect((await page.goto("/admin/comptes"))?.status()).toBe(404);
  expect((await page.goto(`/admin/comptes/${patient.id}`))?.status()).toBe(404);
  expect(await e2eDb().staffAuditEntry.count({ where: { targetUserId: patient.id } })).toBe(0);

  const agent = await createAccount({ roles: ["PATIENT", "SUPPORT"] });
  const agentContext = await browser.newContext();
  await signInAs(agentContext, agent);
  const agentPage = await agentContext.newPage();
  expect((await agentPage.goto(`/admin/comptes/${crypto.randomUUID()}`))?.status()).toBe(404);
  await agentPage.goto(`/admin/comptes/${agent.id}`);
  await expect(agentPage.getByText("C'est votre propre compte : les actions du support n'y sont pas possibles.")).toBeVisible();
  await expect(agentPage.getByRole("button", { name: /Réinitialiser/ })).toHaveCount(0);
  await expectAccessible(agentPage);
  await agentContext.close();
});

test("an agent whose sign-in is not recent confirms their identity before resetting a second factor", async ({ page, context }) => {
  const patient = await createAccount();
  const agent = await createAccount({ roles: ["SUPPORT"] });
  await signInAs(context, agent);
  await e2eDb().session.updateMany({ where: { userId: agent.id }, data: { authenticatedAt: new Date(Date.now() - 60 * 60_000) } });

  await page.goto(`/admin/comptes/${patient.id}`);
  const reset = page.getByRole("region", { name: "Réinitialiser le second facteur" });
  // Said up front, with the way to do it: no form that would fail.
  await expect(reset.getByRole("button", { name: "Réinitialiser le second facteur…" })).toHaveCount(0);
  await expectAccessible(page);
  await reset.getByRole("link", { name: "Confirmer mon identité" }).click();
  await expect(page).toHaveURL(new RegExp(`/securite/confirmer\\?suite=%2Fadmin%2Fcomptes%2F${patient.id}$`));
  await page.getByLabel("Mot de passe actuel", { exact: true }).fill(agent.password);
  await page.getByLabel("Code à 6 chiffres de votre application d'authentification").fill(totpCode(agent.totpSecret!));
  await page.getByRole("button", { name: "Confirmer", exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/admin/comptes/${patient.id}$`));
  await expect(reset.getByRole("button", { name: "Réinitialiser le second facteur…" })).toBeVisible();
});
