/** Shared by playwright.config.ts and the fixtures: where the app under test runs and keeps its data. */
export const E2E_PORT = 3100;
// A host name, not an IP: browsers refuse passkeys (WebAuthn) on an IP address.
export const E2E_APP_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = ".data/e2e";
export const SMTP_CAPTURE_PORT = 2525;
