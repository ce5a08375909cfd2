import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Debian's Chromium when the machine has it (these machines cannot download Playwright's browsers),
 * else Playwright's own; with neither, say what to install instead of failing obscurely.
 */
export function chromiumExecutable(): string | undefined {
  const system = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(system)) return system;
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one of:\n" +
      "  - Debian/Ubuntu: sudo apt-get install -y chromium   (used from /usr/bin/chromium, or set CHROMIUM_PATH)\n" +
      "  - anywhere with internet: npx playwright install chromium",
  );
}
