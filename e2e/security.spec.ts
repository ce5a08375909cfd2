import type { Page } from "@playwright/test";
import { createAccount, e2eDb, signInAs, totpCode } from "./support/accounts";
import { codeIn, waitForMail } from "./support/mailbox";
import { expect, test } from "./fixtures";

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continuer" }).click();
}

test("“sign out all other sessions” really ends the other browser's session", async ({ page, browser }) => {
  const account = await createAccount();
  await signInAs(page.context(), account);
  const otherContext = await browser.newContext();
  await signInAs(otherContext, account);
  const other = await otherContext.newPage();
  await other.goto("/securite");
  await expect(other.getByRole("heading", { level: 1, name: "Sécurité" })).toBeVisible();

  await page.goto("/securite");
  const sessions = page.getByTestId("session");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ has: page.getByText("Cet appareil", { exact: true }) })).toHaveCount(1);
  await page.getByRole("button", { name: "Déconnecter toutes les autres sessions" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 autre session a été déconnectée." })).toBeVisible();
  await expect(sessions).toHaveCount(1);

  await other.goto("/securite");
  await expect(other).toHaveURL(/\/connexion\?callbackUrl=%2Fsecurite$/);
  await otherContext.close();
  // This browser is still signed in, and the history says what happened.
  await page.reload();
  await expect(page.getByRole("cell", { name: "Session fermée à distance" })).toBeVisible();
});

test("password reset by e-mail ends every session, works once, and signing in still takes the second factor", async ({ page, browser }) => {
  const account = await createAccount();
  const newPassword = "une toute nouvelle phrase de passe";
  const oldContext = await browser.newContext();
  await signInAs(oldContext, account);
  const old = await oldContext.newPage();
  await old.goto("/securite");
  await expect(old.getByRole("heading", { level: 1, name: "Sécurité" })).toBeVisible();

  await page.goto("/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page).toHaveURL(/\/mot-de-passe-oublie$/);
  await page.getByLabel("Adresse électronique").fill(account.email);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Si un espace est associé à ${account.email}` })).toBeVisible();

  const mail = await waitForMail(account.email, { subject: /Réinitialisation/ });
  const link = mail.text.match(/https?:\/\/\S+\/mot-de-passe-oublie\/nouveau\?jeton=[\w.-]+/)?.[0];
  expect(link, "reset link in the mail").toBeTruthy();
  await page.goto(link!);
  await page.getByLabel("Nouveau mot de passe").fill(newPassword);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre mot de passe est changé" })).toBeVisible();
  expect(await e2eDb().securityEvent.count({ where: { userId: account.id, kind: "PASSWORD_RESET_COMPLETED" } })).toBe(1);
  await waitForMail(account.email, { subject: /mot de passe a été modifié/ });

  // The session opened before the reset is gone.
  await old.goto("/securite");
  await expect(old).toHaveURL(/\/connexion\?callbackUrl=%2Fsecurite$/);
  await oldContext.close();

  // The link worked once.
  await page.goto(link!);
  await expect(page.getByRole("alert").filter({ hasText: "n'est plus valable" })).toBeVisible();

  // The old password no longer opens anything; the new one opens only the second step.
  await signInWithPassword(page, account.email, account.password);
  await expect(page.getByRole("alert").filter({ hasText: "mot de passe incorrect" })).toBeVisible();
  await signInWithPassword(page, account.email, newPassword);
  await expect(page).toHaveURL(/\/connexion\/second-facteur/);
  await page.goto("/securite");
  await expect(page).toHaveURL(/\/connexion\/second-facteur/);
  await page.getByLabel("Code de votre application d'authentification").fill(totpCode(account.totpSecret!));
  await page.getByRole("button", { name: "Valider" }).first().click();
  await expect(page).toHaveURL(/\/espace$/);
});

test("regenerating recovery codes shows ten codes once, and needs a recent re-authentication", async ({ page }) => {
  const account = await createAccount();
  await signInAs(page.context(), account);

  // Right after signing in, the sign-in counts as recent: the codes come at once.
  await page.goto("/securite/codes-de-secours?suite=/espace");
  await page.getByRole("button", { name: "Créer mes codes de secours" }).click();
  const codes = page.getByRole("list", { name: "Vos codes de secours" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const first = await codes.allTextContents();
  for (const code of first) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  await expect(page.getByRole("link", { name: "Continuer" })).toHaveAttribute("href", "/espace");
  expect(await e2eDb().recoveryCode.count({ where: { userId: account.id, usedAt: null } })).toBe(10);

  // Shown once: a reload shows the count, not the codes.
  await page.reload();
  await expect(page.getByText("Il vous reste 10 codes sur 10.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Vos codes de secours" })).toHaveCount(0);

  // An hour later, replacing them asks for the password and a second factor first.
  await e2eDb().session.updateMany({ where: { userId: account.id }, data: { authenticatedAt: new Date(Date.now() - 60 * 60_000) } });
  await page.goto("/securite/codes-de-secours");
  await page.getByRole("link", { name: "Confirmer mon identité" }).click();
  await expect(page).toHaveURL(/\/securite\/confirmer\?suite=%2Fsecurite%2Fcodes-de-secours$/);
  await page.getByLabel("Mot de passe actuel", { exact: true }).fill(account.password);
  await page.getByLabel("Code à 6 chiffres de votre application d'authentification").fill(totpCode(account.totpSecret!));
  await page.getByRole("button", { name: "Confirmer", exact: true }).click();
  await expect(page).toHaveURL(/\/securite\/codes-de-secours$/);

  await page.getByRole("button", { name: "Remplacer par de nouveaux codes" }).click();
  await expect(codes).toHaveCount(10);
  const second = await codes.allTextContents();
  expect(second.filter((code) => first.includes(code))).toEqual([]);
  const kinds = (await e2eDb().securityEvent.findMany({ where: { userId: account.id }, select: { kind: true } })).map(
    (event) => event.kind,
  );
  expect(kinds.filter((kind) => kind === "RECOVERY_CODES_REGENERATED")).toHaveLength(2);
  expect(kinds).toContain("REAUTHENTICATED");
});

test("removing a factor asks to confirm one's identity first, and the last factor stays", async ({ page }) => {
  const account = await createAccount();
  const { enrolTotpWithSecret } = await import("@/lib/server/auth/totp/enrol-totp-with-secret");
  const OTPAuth = await import("otpauth");
  await enrolTotpWithSecret(e2eDb(), { userId: account.id, secretBase32: new OTPAuth.Secret({ size: 20 }).base32, label: "Tablette" });
  await signInAs(page.context(), account);
  await e2eDb().session.updateMany({ where: { userId: account.id }, data: { authenticatedAt: new Date(Date.now() - 60 * 60_000) } });

  await page.goto("/securite");
  await page.getByRole("button", { name: "Retirer Tablette" }).click();
  await page.getByRole("button", { name: "Oui, retirer" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "confirmez d'abord votre identité" });
  await expect(alert).toBeVisible();
  await alert.getByRole("link", { name: "Confirmer mon identité" }).click();
  await expect(page).toHaveURL(/\/securite\/confirmer\?suite=%2Fsecurite$/);
  await page.getByLabel("Mot de passe actuel", { exact: true }).fill(account.password);
  await page.getByLabel("Code à 6 chiffres de votre application d'authentification").fill(totpCode(account.totpSecret!));
  await page.getByRole("button", { name: "Confirmer", exact: true }).click();
  await expect(page).toHaveURL(/\/securite$/);

  await page.getByRole("button", { name: "Retirer Tablette" }).click();
  await page.getByRole("button", { name: "Oui, retirer" }).click();
  await expect(page.getByText("Tablette")).toHaveCount(0);
  await waitForMail(account.email, { subject: /moyens de connexion ont changé/ });

  await page.getByRole("button", { name: /^Retirer/ }).click();
  await page.getByRole("button", { name: "Oui, retirer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "C'est votre dernier moyen de connexion" })).toBeVisible();
  expect(await e2eDb().authFactor.count({ where: { userId: account.id, confirmedAt: { not: null } } })).toBe(1);
});

test("changing the e-mail address takes a code sent to the new address, and the old one is told", async ({ page }) => {
  const account = await createAccount();
  const newEmail = `nouvelle-${account.email}`;
  await signInAs(page.context(), account);
  await page.goto("/securite");
  await page.getByLabel("Nouvelle adresse").fill(newEmail);
  await page.getByRole("button", { name: "Recevoir un code de confirmation" }).click();
  await expect(page.getByText(`Un code a été envoyé à ${newEmail}`)).toBeVisible();
  const mail = await waitForMail(newEmail, { subject: /nouvelle adresse/ });
  await page.getByLabel("Code reçu par courriel").fill(codeIn(mail));
  await page.getByRole("button", { name: "Confirmer la nouvelle adresse" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Votre adresse est maintenant ${newEmail}` })).toBeVisible();
  await waitForMail(account.email, { subject: /adresse de votre espace a changé/ });
  expect((await e2eDb().user.findUniqueOrThrow({ where: { id: account.id } })).email).toBe(newEmail);
});
