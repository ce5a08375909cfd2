/**
 * Shared by playwright.config.ts and the fixtures: where the app under test runs and keeps its data.
 *
 * Each value can be overridden through the environment variable of the same name, so that
 * `npm run test:e2e` can run its two passes (PGlite, PostgreSQL server) at the same time, each with its
 * own ports and data folder (e2e/support/run-passes.mjs). Unset, they keep the single-pass defaults.
 * Playwright's workers inherit the runner's environment, so the fixtures see the same values.
 */
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);
const env = z
  .object({
    E2E_PORT: port.default(3100),
    E2E_DATA_DIR: z.string().min(1).default(".data/e2e"),
    SMTP_CAPTURE_PORT: port.default(2525),
    SMTP_CAPTURE_HTTP_PORT: port.default(2526),
    // A PostgreSQL identifier, quoted as is in CREATE/DROP DATABASE.
    E2E_DATABASE_NAME: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/)
      .default("ens_e2e"),
    // Playwright's folders: a pass empties its output folder when it starts, so concurrent passes need their own.
    E2E_OUTPUT_DIR: z.string().min(1).default("test-results"),
    E2E_REPORT_DIR: z.string().min(1).default("playwright-report"),
  })
  .parse(process.env);

export const E2E_PORT = env.E2E_PORT;
// A host name, not an IP: browsers refuse passkeys (WebAuthn) on an IP address.
export const E2E_APP_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = env.E2E_DATA_DIR;
export const SMTP_CAPTURE_PORT = env.SMTP_CAPTURE_PORT;
/** Where the fixtures read the mail the capture server received (e2e/support/smtp-capture.ts). */
export const SMTP_CAPTURE_HTTP_PORT = env.SMTP_CAPTURE_HTTP_PORT;
export const E2E_OUTPUT_DIR = env.E2E_OUTPUT_DIR;
export const E2E_REPORT_DIR = env.E2E_REPORT_DIR;

/**
 * Set (to a PostgreSQL server's URL, as its superuser) to serve the app under test on that server
 * instead of the embedded database: `npm run test:e2e` does it for its second pass when DATABASE_URL is
 * set (CI). See support/serve-on-postgres.ts.
 */
export const E2E_DATABASE_SERVER_URL = process.env.E2E_DATABASE_URL || undefined;
export const E2E_DATABASE_NAME = env.E2E_DATABASE_NAME;
/** Where the app's database URL is written for the fixtures, whichever database serves it. */
export const E2E_DATABASE_URL_FILE = E2E_DATABASE_SERVER_URL ? `${E2E_DATA_DIR}/database.url` : `${E2E_DATA_DIR}/pglite.url`;
