import { createAccount, signInAs } from "./support/accounts";
import { expect, test } from "./fixtures";

// Each of these came out of the old check as `//evil.example/x` (URL parsing removes dot segments after
// the leading-`//` test had passed), and a browser follows `//evil.example/x` to another host.
const escapes = [
  "/.//evil.example/x",
  "/..//evil.example",
  "/%2e//evil.example",
  "/%2F%2Fevil.example",
  "/.\\/evil.example",
  "/\t/evil.example",
  "HtTpS://evil.example",
];

test.describe("after signing in, a callback never leaves the site", () => {
  for (const payload of escapes) {
    test(`/connexion redirects a signed-in person with callbackUrl ${JSON.stringify(payload)} to the space`, async ({ page, context }) => {
      await signInAs(context, await createAccount());
      const response = await page.request.get(`/connexion?callbackUrl=${encodeURIComponent(payload)}`, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers().location).toBe("/espace");
    });
  }

  for (const payload of escapes) {
    test(`/securite/confirmer and /securite/codes-de-secours link only to this site for ${JSON.stringify(payload)}`, async ({
      page,
      context,
    }) => {
      await signInAs(context, await createAccount());
      await page.goto(`/securite/confirmer?suite=${encodeURIComponent(payload)}`);
      await expect(page.getByRole("link", { name: "Annuler et revenir" })).toHaveAttribute("href", "/securite");
      await page.goto(`/securite/codes-de-secours?suite=${encodeURIComponent(payload)}`);
      await expect(page.getByRole("link", { name: "Continuer", exact: true })).toHaveAttribute("href", "/espace");
    });
  }
});
