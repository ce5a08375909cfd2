import { z } from "zod";

/**
 * What the second step of signing in may carry. The enrolment methods complete a sign-in only for an
 * account without any confirmed factor yet: otherwise someone holding just the password could enrol
 * their own factor and walk in.
 */
const code = z.string().trim().min(1).max(40);
const uuid = z.uuid();
const webauthnResponse = z.string().min(2).max(20_000);

export const secondFactorInput = z.discriminatedUnion("method", [
  z.object({ method: z.literal("totp"), code }),
  z.object({ method: z.literal("recovery"), code }),
  z.object({ method: z.literal("otp"), code }),
  z.object({ method: z.literal("passkey"), response: webauthnResponse }),
  z.object({ method: z.literal("totp-enrolment"), factorId: uuid, code }),
  z.object({ method: z.literal("otp-enrolment"), factorId: uuid, code }),
  z.object({ method: z.literal("passkey-registration"), response: webauthnResponse, label: z.string().trim().max(100).optional() }),
]);

export type SecondFactorInput = z.infer<typeof secondFactorInput>;

export const ENROLMENT_METHODS = new Set<SecondFactorInput["method"]>(["totp-enrolment", "otp-enrolment", "passkey-registration"]);

export { signInErrorCodes, type SignInErrorCode } from "./sign-in-error-codes";
