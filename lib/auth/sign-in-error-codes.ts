/**
 * The errors the sign-in steps report; the UI translates each (auth.errors.<code>). A module of its own,
 * without zod: the sign-in forms import it in the browser, and importing it from the second step's input
 * schema shipped all of zod (about 32 KB compressed) to /connexion.
 */
export const signInErrorCodes = [
  "INVALID_CREDENTIALS",
  "INVALID_CODE",
  "RATE_LIMITED",
  "LOCKED",
  "LOCKED_SUPPORT",
  "EMAIL_NOT_VERIFIED",
  "ACCOUNT_DISABLED",
  "SESSION_EXPIRED",
  "INVALID_INPUT",
] as const;
export type SignInErrorCode = (typeof signInErrorCodes)[number];
