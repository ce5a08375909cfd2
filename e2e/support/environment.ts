/** Shared by playwright.config.ts and the fixtures: where the app under test runs and keeps its data. */
export const E2E_PORT = 3100;
// A host name, not an IP: browsers refuse passkeys (WebAuthn) on an IP address.
export const E2E_APP_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = ".data/e2e";
export const SMTP_CAPTURE_PORT = 2525;

/**
 * Set (to a PostgreSQL server's URL, as its superuser) to serve the app under test on that server
 * instead of the embedded database: `npm run test:e2e` does it for its second pass when DATABASE_URL is
 * set (CI). See support/serve-on-postgres.ts.
 */
export const E2E_DATABASE_SERVER_URL = process.env.E2E_DATABASE_URL || undefined;
export const E2E_DATABASE_NAME = "ens_e2e";
/** Where the app's database URL is written for the fixtures, whichever database serves it. */
export const E2E_DATABASE_URL_FILE = E2E_DATABASE_SERVER_URL ? `${E2E_DATA_DIR}/database.url` : `${E2E_DATA_DIR}/pglite.url`;
