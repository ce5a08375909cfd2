import * as OTPAuth from "otpauth";
import { createAccount, e2eDb, signInAs, totpCode } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";
import { codeIn, waitForMail } from "./support/mailbox";
import { expect, test } from "./fixtures";

async function signInWithPassword(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continuer" }).click();
}

test("sign up, confirm the e-mail, enrol an authenticator, sign out, sign in with password and TOTP", async ({ page }) => {
  const email = `inscription-${Date.now()}@test.espace-sante.localhost`;
  const password = "une longue phrase de passe pour mon espace";

  await page.goto("/inscription");
  await page.getByLabel("Prénom").fill("Léa");
  await page.getByLabel("Nom", { exact: true }).fill("Fontaine");
  await page.getByLabel("Date de naissance").fill("1992-03-04");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByLabel("Numéro de sécurité sociale (facultatif)").fill("2 92 03 75 112 005 41");
  await page.getByRole("button", { name: "Créer mon espace" }).click();

  await expect(page.getByText("nous venons d'y envoyer un code")).toBeVisible();
  const mail = await waitForMail(email, { subject: /confirmation/ });
  await page.getByLabel("Code de confirmation reçu par e-mail").fill(codeIn(mail));
  await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
  await expect(page.getByText("Votre adresse est confirmée")).toBeVisible();

  // Before a second factor, the account reaches nothing but the enrolment.
  await signInWithPassword(page, email, password);
  await expect(page).toHaveURL(/\/connexion\/enrolement/);
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion\/enrolement/);

  await page.getByRole("button", { name: "Configurer une application" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await page.getByLabel("Code affiché par l'application").fill(totpCode(secret));
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page).toHaveURL(/\/securite\/codes-de-secours/);

  await page.goto("/espace");
  await expect(page.getByRole("heading", { name: "Mon espace santé" })).toBeVisible();
  await page.getByRole("button", { name: "Mon compte" }).click();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fespace/);

  await signInWithPassword(page, email, password);
  await expect(page).toHaveURL(/\/connexion\/second-facteur/);
  // The enrolment's code was used; the next step's code is fresh.
  await page
    .getByLabel("Code de votre application d'authentification")
    .fill(new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole("heading", { name: "Mon espace santé" })).toBeVisible();
});

test("a wrong password keeps the typed e-mail to correct, and never the password", async ({ page }) => {
  const account = await createAccount();
  await signInWithPassword(page, account.email, "pas la bonne phrase de passe");
  await expect(page.getByRole("alert").filter({ hasText: "Adresse électronique ou mot de passe incorrect." })).toBeVisible();
  await expect(page.getByLabel("Adresse électronique")).toHaveValue(account.email);
  await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveValue("");
  // Only the password needs typing again.
  await page.getByLabel("Mot de passe", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page).toHaveURL(/\/connexion\/second-facteur/);
});

test("the session cookie changes after each step", async ({ page, context }) => {
  const account = await createAccount();
  const cookie = async () => (await context.cookies()).find((c) => c.name === "ens.session")?.value;
  await signInWithPassword(page, account.email, account.password);
  await expect(page).toHaveURL(/second-facteur/);
  const afterPassword = await cookie();
  expect(afterPassword).toBeTruthy();
  await page.getByLabel("Code de votre application d'authentification").fill(totpCode(account.totpSecret!));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/espace$/);
  const afterSecondFactor = await cookie();
  expect(afterSecondFactor).toBeTruthy();
  expect(afterSecondFactor).not.toBe(afterPassword);
  // The half session's row is gone: its token cannot be replayed.
  expect(await e2eDb().session.count({ where: { userId: account.id, stage: "PASSWORD_VERIFIED" } })).toBe(0);
});

test("a recovery code works once", async ({ page }) => {
  const account = await createAccount();
  const { generateRecoveryCodes } = await import("@/lib/server/auth/recovery-codes");
  const [code] = await generateRecoveryCodes(e2eDb(), { userId: account.id });

  for (const attempt of ["first", "second"] as const) {
    await page.context().clearCookies();
    await signInWithPassword(page, account.email, account.password);
    await expect(page).toHaveURL(/second-facteur/);
    await page.getByText("Utiliser un code de secours").click();
    await page.getByLabel("Code de secours").fill(code);
    await page.getByRole("button", { name: "Valider" }).nth(1).click();
    if (attempt === "first") await expect(page).toHaveURL(/\/espace$/);
    else await expect(page.getByRole("alert").filter({ hasText: "Ce code n'est pas valable" })).toBeVisible();
  }
});

test("wrong codes until lockout, then even the right code is refused", async ({ page }) => {
  const account = await createAccount();
  await signInWithPassword(page, account.email, account.password);
  await expect(page).toHaveURL(/second-facteur/);
  const field = page.getByLabel("Code de votre application d'authentification");
  const submit = async (code: string) => {
    await field.fill(code);
    await Promise.all([
      page.waitForResponse(/\/api\/auth\/callback\/second-factor/),
      page.getByRole("button", { name: "Valider" }).first().click(),
    ]);
  };
  for (let attempt = 1; attempt <= 4; attempt++) {
    await submit("000000");
    await expect(page.getByRole("alert").filter({ hasText: "Ce code n'est pas valable" })).toBeVisible();
  }
  await submit("000000");
  await expect(page.getByRole("alert").filter({ hasText: "verrouillé" })).toBeVisible();
  await submit(totpCode(account.totpSecret!));
  await expect(page.getByRole("alert").filter({ hasText: "verrouillé" })).toBeVisible();
  await expect(page).toHaveURL(/second-facteur/);
  const events = await e2eDb().securityEvent.findMany({ where: { userId: account.id }, select: { kind: true } });
  expect(events.map((e) => e.kind)).toContain("ACCOUNT_LOCKED");
});

test("a half-authenticated session gets nothing from a page, an API route or a server action", async ({ page, context, browser }) => {
  const account = await createAccount();
  const documentId = (
    await e2eDb().document.create({
      data: {
        ownerId: account.id,
        title: "Compte rendu d'essai",
        category: "REPORT",
        documentDate: new Date("2026-01-05"),
        authorKind: "PATIENT",
      },
      select: { id: true },
    })
  ).id;

  // The server action's id, as a full session sees it in the form.
  const full = await browser.newContext();
  await signInAs(full, account);
  const fullPage = await full.newPage();
  await fullPage.goto("/espace");
  await expect(fullPage.getByText("Compte rendu d'essai", { exact: true })).toBeVisible();
  const actionField = await fullPage.locator('form input[name^="$ACTION_ID_"]').first().getAttribute("name");
  expect(actionField).toBeTruthy();
  await full.close();

  await signInAs(context, account, { stage: "PASSWORD_VERIFIED" });
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion\/second-facteur/);
  await expect(page.getByText("Compte rendu d'essai", { exact: true })).toHaveCount(0);

  const api = await page.request.get("/api/documents");
  expect(api.status()).toBe(401);
  expect(await api.text()).not.toContain("Compte rendu d'essai");

  const form = { [actionField!]: "", documentId, pinned: "true" };
  const action = await page.request.post("/espace", {
    multipart: form,
    headers: { "Next-Action": actionField!.replace("$ACTION_ID_", "") },
  });
  expect(await action.text()).not.toContain("Compte rendu d'essai");
  const document = await e2eDb().document.findUniqueOrThrow({ where: { id: documentId }, select: { pinned: true } });
  expect(document.pinned).toBe(false);
});

for (const payload of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
  test(`callbackUrl ${payload} lands on the app`, async ({ page }) => {
    const account = await createAccount();
    await page.goto(`/connexion?callbackUrl=${encodeURIComponent(payload)}`);
    await page.getByLabel("Adresse électronique").fill(account.email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page).toHaveURL(/second-facteur/);
    await page.getByLabel("Code de votre application d'authentification").fill(totpCode(account.totpSecret!));
    await page.getByRole("button", { name: "Valider" }).first().click();
    await expect(page).toHaveURL(`${E2E_APP_URL}/espace`);
  });
}

test("signing in answers the same for an unknown e-mail and a wrong password", async ({ page }) => {
  const account = await createAccount();
  const attempt = async (email: string) => {
    const csrf = await (await page.request.get("/api/auth/csrf")).json();
    const response = await page.request.post("/api/auth/callback/password", {
      form: { email, password: "pas le bon mot de passe", csrfToken: csrf.csrfToken, json: "true" },
    });
    return { status: response.status(), body: (await response.text()).replace(/email=[^&"]*/g, "") };
  };
  const known = await attempt(account.email);
  const unknown = await attempt(`inconnu-${Date.now()}@test.espace-sante.localhost`);
  expect(unknown).toEqual(known);
  expect(known.body).toContain("INVALID_CREDENTIALS");
});

test("the demo patient signs in with the published password and TOTP secret", async ({ page }) => {
  const { DEMO_PASSWORD, DEMO_TOTP_SECRET } = await import("@/prisma/demo-credentials");
  await signInWithPassword(page, "patient@demo.espace-sante.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/second-facteur/);
  await page.getByLabel("Code de votre application d'authentification").fill(totpCode(DEMO_TOTP_SECRET));
  await page.getByRole("button", { name: "Valider" }).first().click();
  await expect(page.getByRole("heading", { name: "Mon espace santé" })).toBeVisible();
  await expect(page.getByText("Bonjour Camille")).toBeVisible();
  await expect(page.getByText("Bilan sanguin annuel", { exact: true })).toBeVisible();
});
