import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./e2e/browser";
import {
  E2E_APP_URL,
  E2E_DATA_DIR,
  E2E_DATABASE_SERVER_URL,
  E2E_OUTPUT_DIR,
  E2E_PORT,
  E2E_REPORT_DIR,
  SMTP_CAPTURE_HTTP_PORT,
  SMTP_CAPTURE_PORT,
} from "./e2e/support/environment";

/**
 * End-to-end tests drive a production build (`next build` runs first, in `npm run test:e2e`) served by
 * the same launcher as `npm start`, on a fresh embedded database seeded with the demo data; or, with
 * E2E_DATABASE_URL, on a fresh database of that PostgreSQL server (e2e/support/serve-on-postgres.ts).
 * Ports and folders come from e2e/support/environment.ts, so two passes can run side by side.
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: E2E_OUTPUT_DIR,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One retry on CI only, so a timing accident on a shared 2-core machine does not block a landing; the
  // list reporter still names every test that needed it ("flaky"), and each one is a bug to fix (the two
  // found so far were real races in the app). Locally a failure is a failure.
  retries: process.env.CI ? 1 : 0,
  // One worker per pass on CI: measured, two were no faster there (the one app server on two cores is the
  // limit); CI's two passes (PGlite, PostgreSQL) run at the same time instead, one worker each.
  workers: process.env.CI ? 1 : 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: E2E_REPORT_DIR }]],
  timeout: 30_000,
  use: {
    baseURL: E2E_APP_URL,
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
          args: [
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // A real SMTP server the app sends to; tests read the codes from what it received (e2e/support/mailbox.ts).
      command: "node --conditions=react-server --import tsx e2e/support/smtp-capture.ts",
      url: `http://127.0.0.1:${SMTP_CAPTURE_HTTP_PORT}/health`,
      env: { NODE_OPTIONS: "", SMTP_CAPTURE_PORT: String(SMTP_CAPTURE_PORT), SMTP_CAPTURE_HTTP_PORT: String(SMTP_CAPTURE_HTTP_PORT) },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // --no-build: `npm run test:e2e` has just built, and two passes at once must not both rebuild .next.
      command: `rm -rf ${E2E_DATA_DIR} && node --conditions=react-server --import tsx ${E2E_DATABASE_SERVER_URL ? "e2e/support/serve-on-postgres.ts" : "scripts/start.ts"} --no-build`,
      url: `${E2E_APP_URL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(E2E_PORT),
        APP_URL: E2E_APP_URL,
        DATA_DIR: E2E_DATA_DIR,
        E2E_DATA_DIR,
        APP_ENV: "test",
        // The embedded database (the quick start's) unless E2E_DATABASE_URL asks for a server, even when
        // the integration tests were given one through DATABASE_URL: an empty variable counts as unset.
        DATABASE_URL: "",
        LOG_LEVEL: "warn",
        SMTP_URL: `smtp://127.0.0.1:${SMTP_CAPTURE_PORT}`,
        // The tests run with the react-server condition (to use the app's server modules in fixtures);
        // the app must not inherit it.
        NODE_OPTIONS: "",
      },
    },
  ],
});
