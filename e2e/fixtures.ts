import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/** Runs axe (WCAG 2.1 A and AA rules, the basis of RGAA 4) on the page as it is now. */
export async function expectAccessible(page: Page) {
  // A client navigation (a filter in the address) streams the new page's metadata after its content:
  // for a moment the <title> is being replaced. Wait for it, so axe judges the page and not that
  // moment; a page that never gets a title still fails here, and axe checks the rest.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Every test gets these for free: the page it ends on is checked with axe, and any Content-Security-
 * Policy violation, message missing from a client component, or uncaught page error during the test
 * fails it.
 */
export const test = base.extend<{ guardedPage: void }>({
  // Each test comes from its own client address, so per-IP rate limits (as a whole office behind one
  // address would meet them) never make one test pay for the sign-ins of the others. The app takes the
  // last X-Forwarded-For hop, as a load balancer in front would append it.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide) => {
    const octet = () => Math.floor(Math.random() * 254) + 1;
    await provide({ ...extraHTTPHeaders, "X-Forwarded-For": `10.${octet()}.${octet()}.${octet()}` });
  },
  guardedPage: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
        // next-intl's report of a message its provider was not given (lib/i18n/client-messages.tsx).
        if (message.type() === "error" && /MISSING_MESSAGE|INSUFFICIENT_PATH|INVALID_MESSAGE|FORMATTING_ERROR/.test(message.text()))
          problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      await use();
      expect(problems, "CSP violations, missing messages or page errors").toEqual([]);
      if (page.url().startsWith("http")) await expectAccessible(page);
    },
    { auto: true },
  ],
});

export { expect };
