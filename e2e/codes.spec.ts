import { randomInt } from "node:crypto";
import { createAccount, e2eDb, signInAs } from "./support/accounts";
import { codeIn, waitForMail } from "./support/mailbox";
import { expect, expectAccessible, test } from "./fixtures";

/** Enrols the account's e-mail as its first factor, through the page, and returns the code used. */
async function enrolEmailFactor(page: import("@playwright/test").Page, email: string) {
  await page.goto("/connexion/enrolement");
  const section = page.getByTestId("code-factor-enrolment");
  await expect(section.getByLabel(`Par e-mail, à ${email}`)).toBeChecked();
  await section.getByRole("button", { name: "Recevoir le code" }).click();
  await expect(section.getByRole("status")).toContainText(`Nous avons envoyé un code à e•••@test.espace-sante.localhost`);
  const code = codeIn(await waitForMail(email, { subject: /^Confirmez votre nouveau moyen de connexion/ }));
  await section.getByLabel("Code reçu").fill(code);
  await section.getByRole("button", { name: "Confirmer" }).click();
}

test("a new account enrols its e-mail as second factor, then signs in with a code sent there, which works once", async ({
  page,
  context,
}) => {
  const account = await createAccount({ totp: false });
  await signInAs(context, account, { stage: "PASSWORD_VERIFIED" });

  await enrolEmailFactor(page, account.email);
  // Signed in at once, on to the recovery codes shown after a first factor.
  await expect(page).toHaveURL(/\/securite\/codes-de-secours/);
  await expect(page).not.toHaveURL(/\/connexion\//);
  const factors = await e2eDb().authFactor.findMany({ where: { userId: account.id }, select: { kind: true, confirmedAt: true } });
  expect(factors).toEqual([{ kind: "EMAIL_OTP", confirmedAt: expect.any(Date) }]);

  // Later: password done, the second step offers a code by e-mail, with the address masked.
  await context.clearCookies();
  await signInAs(context, account, { stage: "PASSWORD_VERIFIED" });
  await page.goto("/connexion/second-facteur");
  const option = page.getByTestId("login-code-option");
  await option.getByRole("button", { name: "Recevoir un code par e-mail à e•••@test.espace-sante.localhost" }).click();
  await expect(option.getByRole("status")).toContainText("Si vous ne le recevez pas d'ici quelques minutes, patientez puis réessayez.");
  const code = codeIn(await waitForMail(account.email, { subject: /^Votre code de connexion/ }));
  await option.getByLabel("Code reçu").fill(code);
  await option.getByRole("button", { name: "Valider le code" }).click();
  await expect(page).toHaveURL(/\/espace$/);

  // The same code again, from another half-signed-in browser, exactly as the form sends it: refused.
  await context.clearCookies();
  await signInAs(context, account, { stage: "PASSWORD_VERIFIED" });
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const replay = await page.request.post("/api/auth/callback/second-factor", { form: { method: "otp", code, csrfToken, json: "true" } });
  expect(new URL(((await replay.json()) as { url: string }).url).searchParams.get("error")).toBe("INVALID_CODE");
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion\/second-facteur/);
});

test("a wrong code is refused with a message, and the page stays on the second step", async ({ page, context }) => {
  const account = await createAccount({ totp: false });
  await signInAs(context, account, { stage: "PASSWORD_VERIFIED" });
  await enrolEmailFactor(page, account.email);
  await expect(page).not.toHaveURL(/\/connexion\//);

  await context.clearCookies();
  await signInAs(context, account, { stage: "PASSWORD_VERIFIED" });
  await page.goto("/connexion/second-facteur");
  const option = page.getByTestId("login-code-option");
  await option.getByRole("button", { name: /Recevoir un code par e-mail/ }).click();
  const code = codeIn(await waitForMail(account.email, { subject: /^Votre code de connexion/ }));
  await option.getByLabel("Code reçu").fill(String((Number(code) + 1) % 1_000_000).padStart(6, "0"));
  await option.getByRole("button", { name: "Valider le code" }).click();
  await expect(option.getByRole("alert")).toContainText("Ce code n'est pas valable");
  await expect(option.getByLabel("Code reçu")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/connexion\/second-facteur/);
});

test("without an SMS provider, a newcomer reads their SMS code on the development outbox page", async ({ page, context }) => {
  const account = await createAccount({ totp: false });
  await signInAs(context, account, { stage: "PASSWORD_VERIFIED" });
  // A number of its own, so that this test's message is told apart from others' in the outbox; 06 1x is
  // a metropolitan mobile (06 39 and 06 9x would belong to overseas departments).
  const digits = `1${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
  const typed = `06 ${digits.replace(/(\d{2})(?=\d)/g, "$1 ")}`;

  await page.goto("/connexion/enrolement");
  const section = page.getByTestId("code-factor-enrolment");
  await section.getByLabel("Par SMS, sur un téléphone mobile").check();
  await section.getByLabel("Numéro de mobile").fill("01 23 45 67 89");
  await section.getByRole("button", { name: "Recevoir le code" }).click();
  await expect(section.getByText("Ce numéro n'est pas un numéro de mobile valable")).toBeVisible();
  // The choice survives the failed attempt.
  await expect(section.getByLabel("Par SMS, sur un téléphone mobile")).toBeChecked();
  await expect(section.getByLabel("Numéro de mobile")).toBeFocused();
  await section.getByLabel("Numéro de mobile").fill(typed);
  await section.getByRole("button", { name: "Recevoir le code" }).click();
  await expect(section.getByRole("status")).toContainText(`•• •• •• •• ${digits.slice(-2)}`);

  const outbox = await context.newPage();
  const response = await outbox.goto("/dev/outbox");
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(outbox.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(outbox.getByRole("heading", { level: 1, name: "Messages envoyés (développement)" })).toBeVisible();
  const message = outbox.getByTestId("outbox-message").filter({ hasText: `+336${digits}` });
  await expect(message).toHaveCount(1);
  await expect(message).toContainText("non envoyé");
  const body = (await message.locator("pre").textContent()) ?? "";
  expect(body).toContain("code de confirmation");
  await expectAccessible(outbox);
  await outbox.close();

  await section.getByLabel("Code reçu").fill(body.match(/\b(\d{6})\b/)![1]);
  await section.getByRole("button", { name: "Confirmer" }).click();
  await expect(page).not.toHaveURL(/\/connexion\//);
  expect(
    await e2eDb().authFactor.findMany({ where: { userId: account.id }, select: { kind: true, phone: true, confirmedAt: true } }),
  ).toEqual([{ kind: "SMS_OTP", phone: `+336${digits}`, confirmedAt: expect.any(Date) }]);
});

test("from the Sécurité page, a signed-in person adds a phone that receives codes", async ({ page, context }) => {
  const account = await createAccount();
  await signInAs(context, account);
  const digits = `2${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;

  await page.goto("/securite");
  const section = page.getByTestId("code-factor-section");
  await expect(section.getByText("Vous ne recevez pas encore de code par e-mail ni par SMS.")).toBeVisible();
  await section.getByLabel("Par SMS, sur un téléphone mobile").check();
  await section.getByLabel("Numéro de mobile").fill(`+33 6 ${digits}`);
  await section.getByRole("button", { name: "Recevoir le code" }).click();
  await expect(section.getByRole("status")).toContainText(`•• •• •• •• ${digits.slice(-2)}`);

  const sms = await e2eDb().outboundMessage.findFirstOrThrow({ where: { recipient: `+336${digits}` }, orderBy: { createdAt: "desc" } });
  await section.getByLabel("Code reçu").fill(sms.body.match(/\b(\d{6})\b/)![1]);
  await section.getByRole("button", { name: "Confirmer" }).click();
  await expect(section.getByRole("status")).toContainText("ce moyen de connexion est ajouté");
  const formatted = `06 ${digits.replace(/(\d{2})(?=\d)/g, "$1 ")}`;
  await expect(section.getByRole("list", { name: "Vos moyens de recevoir un code" })).toContainText(`SMS : ${formatted}`);
  expect(await e2eDb().securityEvent.count({ where: { userId: account.id, kind: "FACTOR_ENROLLED" } })).toBe(1);
  await waitForMail(account.email, { subject: /^Vos moyens de connexion ont changé/ });

  // Then the account's address too; after that, only another phone can be added.
  await section.getByLabel(`Par e-mail, à ${account.email}`).check();
  await section.getByRole("button", { name: "Recevoir le code" }).click();
  await expect(section.getByText("Nous avons envoyé un code à e•••@test.espace-sante.localhost")).toBeVisible();
  await section
    .getByLabel("Code reçu")
    .fill(codeIn(await waitForMail(account.email, { subject: /^Confirmez votre nouveau moyen de connexion/ })));
  await section.getByRole("button", { name: "Confirmer" }).click();
  await expect(section.getByRole("list", { name: "Vos moyens de recevoir un code" })).toContainText(`E-mail : ${account.email}`);
  await expect(section.getByRole("radio")).toHaveCount(0);
  await expect(section.getByLabel("Numéro de mobile")).toBeVisible();
  expect(await e2eDb().securityEvent.count({ where: { userId: account.id, kind: "FACTOR_ENROLLED" } })).toBe(2);
});
