import "server-only";

/** The factors that work by sending a one-time code, as opposed to TOTP apps and passkeys. */
export type CodeFactorKind = "EMAIL_OTP" | "SMS_OTP";
export const CODE_FACTOR_KINDS: CodeFactorKind[] = ["EMAIL_OTP", "SMS_OTP"];
