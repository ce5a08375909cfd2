import { expect, expectAccessible, test } from "./fixtures";

test.describe("landing page", () => {
  test("speaks French by default and explains the service", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page).toHaveTitle(/Espace numérique de santé/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre santé, vos documents, vos règles");
    await expect(page.getByRole("heading", { name: "Vous décidez qui voit quoi" })).toBeVisible();
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
  });

  test("can be switched to English with the keyboard alone, and remembers it", async ({ page }) => {
    await page.goto("/");
    // The skip link is the first stop, visible when focused, and moves focus to the content.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu principal" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();

    const english = page.getByRole("button", { name: "English" });
    await expect(page.getByRole("button", { name: /Français/ })).toHaveAttribute("aria-pressed", "true");
    for (let i = 0; i < 10 && !(await english.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(english).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your health, your documents, your rules");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: /English/ })).toHaveAttribute("aria-pressed", "true");
    await expectAccessible(page);

    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your health, your documents, your rules");
  });

  test("follows an English-speaking browser", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your health, your documents, your rules");
    await expectAccessible(page);
    await context.close();
  });

  test("the skip link takes keyboard focus to the main content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.locator("main#contenu")).toBeFocused();
  });

  test("fits a phone screen without horizontal scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto("/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test.describe("not-found page", () => {
  test("says so in the visitor's language, with a way back, and a 404 status", async ({ page }) => {
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await page.getByRole("link", { name: "Retour à l'accueil" }).click();
    await expect(page).toHaveURL("/");
  });
});
