import type { BrowserContext, CDPSession, Page } from "@playwright/test";
import { createAccount, e2eDb, signInAs, type TestAccount } from "./support/accounts";
import { waitForMail } from "./support/mailbox";
import { expect, test } from "./fixtures";

/**
 * Passkeys with Chromium's virtual authenticator (DevTools protocol): a platform authenticator that
 * answers every prompt as if the person had touched it and unlocked their device.
 *
 * WebAuthn refuses IP addresses as relying-party IDs: these tests need the app reached by name
 * (E2E_APP_URL on http://localhost:…, which browsers treat as a secure context).
 */
async function addVirtualAuthenticator(context: BrowserContext, page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return { cdp, authenticatorId };
}

async function credentialIdsIn(cdp: CDPSession, authenticatorId: string): Promise<string[]> {
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  // The protocol gives base64; the app stores base64url.
  return credentials.map((credential) => Buffer.from(credential.credentialId, "base64").toString("base64url"));
}

const passkeysOf = (account: TestAccount) =>
  e2eDb().authFactor.findMany({
    where: { userId: account.id, kind: "PASSKEY" },
    select: { credentialId: true, label: true, confirmedAt: true, signCount: true, lastUsedAt: true },
  });

/** A new account's first sign-in: password checked (without the UI), then a passkey as its first factor. */
async function enrolFirstPasskey(context: BrowserContext, page: Page, account: TestAccount) {
  await signInAs(context, account, { stage: "PASSWORD_VERIFIED" });
  await page.goto("/connexion/enrolement");
  await page.getByLabel("Nom de la clé d'accès (facultatif)").fill("Mon ordinateur");
  await page.getByRole("button", { name: "Créer une clé d'accès" }).click();
  // The enrolment sends the new account on to its recovery codes.
  await expect(page).toHaveURL(/\/securite\/codes-de-secours/);
}

test("a signed-in person adds a passkey on the Sécurité page and is told by mail", async ({ page, context }) => {
  const account = await createAccount();
  await signInAs(context, account);
  const { cdp, authenticatorId } = await addVirtualAuthenticator(context, page);

  await page.goto("/securite");
  const section = page.getByTestId("passkey-section");
  await expect(section.getByText("Vous n'avez pas encore de clé d'accès.")).toBeVisible();
  await section.getByLabel("Nom de la clé d'accès (facultatif)").fill("Ordinateur du bureau");
  await section.getByRole("button", { name: "Ajouter une clé d'accès" }).click();

  await expect(section.getByRole("status")).toHaveText(/Votre clé d'accès est ajoutée/);
  const list = section.getByRole("list", { name: "Vos clés d'accès" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("listitem")).toContainText(["Ordinateur du bureau"]);
  await expect(list.getByRole("listitem")).toContainText([/pas encore utilisée/]);

  const stored = await passkeysOf(account);
  expect(stored).toHaveLength(1);
  expect(stored[0].confirmedAt).not.toBeNull();
  expect(await credentialIdsIn(cdp, authenticatorId)).toEqual([stored[0].credentialId]);
  expect(await e2eDb().securityEvent.count({ where: { userId: account.id, kind: "FACTOR_ENROLLED" } })).toBe(1);
  await waitForMail(account.email, { subject: /moyens de connexion ont changé/ });

  // The same device cannot hold two passkeys for the account: the browser is told to exclude it.
  await section.getByRole("button", { name: "Ajouter une clé d'accès" }).click();
  await expect(section.getByRole("alert")).toHaveText(/déjà une clé d'accès/);
  expect(await passkeysOf(account)).toHaveLength(1);

  // Removed like any other factor (the account keeps its authenticator app).
  await list.getByRole("button", { name: "Retirer Ordinateur du bureau" }).click();
  await section.getByRole("button", { name: "Oui, retirer" }).click();
  await expect(section.getByText("Vous n'avez pas encore de clé d'accès.")).toBeVisible();
  expect(await passkeysOf(account)).toHaveLength(0);
});

test("an account without a second factor enrols a passkey and is signed in by it", async ({ page, context }) => {
  const account = await createAccount({ totp: false });
  const { cdp, authenticatorId } = await addVirtualAuthenticator(context, page);

  await enrolFirstPasskey(context, page, account);

  const stored = await passkeysOf(account);
  expect(stored).toMatchObject([{ label: "Mon ordinateur" }]);
  expect(stored[0].confirmedAt).not.toBeNull();
  expect(await credentialIdsIn(cdp, authenticatorId)).toEqual([stored[0].credentialId]);
  // Signed in fully: the space opens.
  await page.goto("/espace");
  await expect(page.getByRole("heading", { level: 1, name: "Mon espace santé" })).toBeVisible();
});

test("the second step of signing in with a passkey; a bad signature is refused first", async ({ page, context }) => {
  const account = await createAccount({ totp: false });
  const { cdp, authenticatorId } = await addVirtualAuthenticator(context, page);
  await enrolFirstPasskey(context, page, account);

  // A later visit: password through the sign-in form, then the passkey.
  await context.clearCookies();
  await page.goto("/connexion?callbackUrl=%2Fespace");
  await page.getByLabel("Adresse électronique").fill(account.email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page).toHaveURL(/\/connexion\/second-facteur/);

  // An authenticator that signs wrongly (a forged answer) does not get in.
  await cdp.send("WebAuthn.setResponseOverrideBits", { authenticatorId, isBogusSignature: true });
  await page.getByRole("button", { name: "Utiliser ma clé d'accès" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /n'a pas été reconnue/ })).toBeVisible();
  await expect(page).toHaveURL(/\/connexion\/second-facteur/);

  await cdp.send("WebAuthn.setResponseOverrideBits", { authenticatorId, isBogusSignature: false });
  await page.getByRole("button", { name: "Utiliser ma clé d'accès" }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mon espace santé" })).toBeVisible();

  const [passkey] = await passkeysOf(account);
  expect(passkey.lastUsedAt).not.toBeNull();
  expect(passkey.signCount).toBeGreaterThan(0);
});

test("an account whose only factor is a passkey confirms its identity with it before a sensitive change", async ({ page, context }) => {
  const account = await createAccount({ totp: false });
  await addVirtualAuthenticator(context, page);
  await enrolFirstPasskey(context, page, account);
  // Make the sign-in an hour old: sensitive changes now need a re-authentication.
  await e2eDb().session.updateMany({
    where: { userId: account.id, stage: "FULL" },
    data: { authenticatedAt: new Date(Date.now() - 3_600_000) },
  });

  await page.goto("/securite/confirmer?suite=%2Fsecurite");
  const passkeyChoice = page.getByLabel("Clé d'accès (passkey)");
  if (await passkeyChoice.count()) await passkeyChoice.check();
  await page.getByLabel("Mot de passe actuel").fill(account.password);
  await page.getByRole("button", { name: "Confirmer avec ma clé d'accès" }).click();
  await expect(page).toHaveURL(/\/securite$/);
  const session = await e2eDb().session.findFirstOrThrow({
    where: { userId: account.id, stage: "FULL" },
    select: { authenticatedAt: true },
  });
  expect(Date.now() - session.authenticatedAt.getTime()).toBeLessThan(60_000);
  const events = await e2eDb().securityEvent.findMany({ where: { userId: account.id, kind: "REAUTHENTICATED" } });
  expect(events).toHaveLength(1);
});
