import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./e2e/browser";

const PORT = 3100;

/**
 * End-to-end tests drive a production build (`next build` runs first, in `npm run test:e2e`) served by
 * the same launcher as `npm start`, on a fresh embedded database seeded with the demo data.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 1 : 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fr-FR",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        locale: "fr-FR",
        launchOptions: {
          executablePath: chromiumExecutable(),
          // Without the background-networking flags Chromium keeps trying hosts a closed network refuses.
          args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: {
    command: "rm -rf .data/e2e && node --conditions=react-server --import tsx scripts/start.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { PORT: String(PORT), APP_URL: `http://127.0.0.1:${PORT}`, DATA_DIR: ".data/e2e", APP_ENV: "test", LOG_LEVEL: "warn" },
  },
});
