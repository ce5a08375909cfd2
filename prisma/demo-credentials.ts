/**
 * The demo accounts' shared secrets, in a module of their own so that tests and the start-up banner
 * can read them without loading the seed's server code. Never used in production.
 */

/** Shared by every demo account; printed by `npm start` and in the README. */
export const DEMO_PASSWORD = "demo-espace-sante-2026";

/**
 * The demo accounts' authenticator secret (base32), also printed and in the README: add it to any
 * TOTP app, or run `oathtool --totp -b <secret>`, to pass the second step.
 */
export const DEMO_TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
