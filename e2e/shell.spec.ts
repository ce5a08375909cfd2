import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, signInAs } from "./support/accounts";

/**
 * The signed-in frame on a phone (390 px) and a desktop (1280 px), in French and English: the page
 * marked in the navigation, the phone's menu and the account menu opened and closed from the keyboard,
 * focus given back on Escape, no horizontal scrolling at 320 px (WCAG 1.4.10), axe clean.
 */

const WORDS = {
  fr: {
    nav: "Navigation de l'espace",
    bottom: "Accès rapides",
    menu: "Menu",
    account: "Mon compte",
    home: "Mon espace",
    documents: "Mes documents",
    access: "Accès",
    accessTitle: "Gestion des accès",
    role: "Patient",
    professional: "Espace professionnel",
    spaces: "Changer d'espace",
    signOut: "Se déconnecter",
  },
  en: {
    nav: "Space navigation",
    bottom: "Quick access",
    menu: "Menu",
    account: "My account",
    home: "My space",
    documents: "My documents",
    access: "Access",
    accessTitle: "Access management",
    role: "Patient",
    professional: "Professional space",
    spaces: "Switch space",
    signOut: "Sign out",
  },
} as const;

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

// Each test walks several pages with axe on each: on a loaded two-core machine that takes longer than the default.
test.describe.configure({ timeout: 90_000 });

for (const locale of ["fr", "en"] as const) {
  const w = WORDS[locale];

  test.describe(`on a 390 px phone (${locale})`, () => {
    test.use({ locale: locale === "fr" ? "fr-FR" : "en-GB", viewport: { width: 390, height: 844 } });

    test("the top bar names the page, the menu opens and closes from the keyboard, the bottom bar marks the page", async ({ page }) => {
      await signInAs(page.context(), await createAccount());
      await page.goto("/documents");
      const banner = page.getByRole("banner");
      await expect(banner.getByTestId("page-title")).toHaveText(w.documents);
      // The desktop column is not drawn on a phone: the navigation is behind the menu button.
      await expect(page.getByRole("navigation", { name: w.nav })).toHaveCount(0);
      // One navigation in the page, whatever the width: the menu's panel is the desktop's column.
      await expect(page.locator(`nav[aria-label="${w.nav}"]`)).toHaveCount(1);
      await expect(page.getByRole("navigation", { name: w.bottom }).getByRole("link", { name: w.documents })).toHaveAttribute(
        "aria-current",
        "page",
      );

      const menu = page.getByRole("button", { name: w.menu });
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await menu.focus();
      await page.keyboard.press("Enter");
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      const nav = page.getByRole("navigation", { name: w.nav });
      await expect(nav).toBeVisible();
      // Focus moved into the menu, onto its first link.
      await expect(nav.getByRole("link", { name: w.home })).toBeFocused();
      await expect(nav.getByRole("link", { name: w.documents })).toHaveAttribute("aria-current", "page");
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);

      await page.keyboard.press("Escape");
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(nav).toHaveCount(0);
      await expect(menu).toBeFocused();

      // No trap: reopened, Tab walks on through the links, and following one closes the menu.
      await page.keyboard.press("Enter");
      await expect(nav.getByRole("link", { name: w.home })).toBeFocused();
      const access = nav.getByRole("link", { name: w.access, exact: true });
      for (let i = 0; i < 10 && !(await access.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
      await expect(access).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { level: 1, name: w.accessTitle })).toBeVisible();
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(banner.getByTestId("page-title")).toHaveText(w.access);
      await expectAccessible(page);
    });

    test("nothing scrolls sideways at 320 px, menus open or closed", async ({ page }) => {
      await signInAs(page.context(), await createAccount());
      await page.setViewportSize({ width: 320, height: 640 });
      for (const path of ["/espace", "/documents", "/acces", "/historique", "/securite"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoHorizontalScroll(page);
      }
      await page.getByRole("button", { name: w.menu }).click();
      await expectNoHorizontalScroll(page);
      await page.getByRole("button", { name: w.account }).click();
      await expect(page.getByRole("button", { name: w.signOut })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
    });
  });

  test.describe(`on a 1280 px desktop (${locale})`, () => {
    test.use({ locale: locale === "fr" ? "fr-FR" : "en-GB", viewport: { width: 1280, height: 800 } });

    test("the left navigation marks the page; the account menu shows the person, opens and closes from the keyboard", async ({ page }) => {
      await signInAs(page.context(), await createAccount());
      await page.goto("/espace");
      const nav = page.getByRole("navigation", { name: w.nav });
      await expect(nav.getByRole("link", { name: w.home })).toHaveAttribute("aria-current", "page");
      // Drawn once: no second, hidden copy of the navigation for the phone.
      await expect(page.locator(`nav[aria-label="${w.nav}"]`)).toHaveCount(1);
      await expect(nav.getByRole("link", { name: w.documents })).not.toHaveAttribute("aria-current", "page");
      // The phone's parts are not drawn on a desktop.
      await expect(page.getByRole("button", { name: w.menu })).toHaveCount(0);
      await expect(page.getByRole("navigation", { name: w.bottom })).toHaveCount(0);
      // A patient is offered no professional or staff page.
      await expect(nav.getByRole("link", { name: w.professional })).toHaveCount(0);
      await expect(nav.getByRole("link", { name: /^Administration|^Journal|^Audit/ })).toHaveCount(0);

      await nav.getByRole("link", { name: w.documents }).click();
      await expect(page).toHaveURL(/\/documents$/);
      await expect(nav.getByRole("link", { name: w.documents })).toHaveAttribute("aria-current", "page");

      const account = page.getByRole("button", { name: w.account });
      await account.focus();
      await page.keyboard.press("Enter");
      await expect(account).toHaveAttribute("aria-expanded", "true");
      await expect(page.getByText("Camille Essai")).toBeVisible();
      await expect(page.getByText(w.role, { exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: w.signOut })).toBeVisible();
      // Only one space: nothing to switch to.
      await expect(page.getByRole("navigation", { name: w.spaces })).toHaveCount(0);
      await expectAccessible(page);
      await page.keyboard.press("Escape");
      await expect(account).toHaveAttribute("aria-expanded", "false");
      await expect(account).toBeFocused();
      await expect(page.getByRole("button", { name: w.signOut })).toBeHidden();
      await expectAccessible(page);
    });

    test("a professional who is also a patient switches space from the account menu", async ({ page }) => {
      await signInAs(page.context(), await createAccount({ roles: ["PATIENT", "PROFESSIONAL"] }));
      await page.goto("/espace");
      await expect(page.getByRole("navigation", { name: w.nav }).getByRole("link", { name: w.professional })).toBeVisible();
      await page.getByRole("button", { name: w.account }).click();
      const spaces = page.getByRole("navigation", { name: w.spaces });
      await expect(spaces.getByRole("link")).toHaveCount(2);
      await expect(spaces.getByRole("link", { name: w.professional })).toHaveAttribute("href", "/pro");
      await expectAccessible(page);
    });
  });
}

test("the sign-out button is a plain form: it ends the session with JavaScript off", async ({ browser, page }) => {
  // A browser without scripts, beside the test's own page (which the fixture checks with axe at the end).
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  try {
    // A session short of its second factor, sent to enrol one: the page offers to leave instead.
    await signInAs(noScript, await createAccount({ totp: false }), { stage: "PASSWORD_VERIFIED" });
    const bare = await noScript.newPage();
    await bare.goto("/espace");
    await expect(bare).toHaveURL(/\/connexion\/enrolement/);
    await bare.locator("#contenu").getByRole("button", { name: WORDS.fr.signOut }).click();
    await expect(bare).toHaveURL(/\/$/);
    await bare.goto("/espace");
    await expect(bare).toHaveURL(/\/connexion\?callbackUrl=%2Fespace/);
  } finally {
    await noScript.close();
  }
  await page.goto("/");
});
