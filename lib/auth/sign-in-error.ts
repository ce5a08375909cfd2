import { signInErrorCodes, type SignInErrorCode } from "@/lib/auth/sign-in-error-codes";

type Translate = (key: `errors.${SignInErrorCode | "unknown"}`) => string;

/** next-auth hands back the error code our authorize() threw; anything else is shown as a generic failure. */
export function signInErrorMessage(t: Translate, code: string | null | undefined): string {
  const known = signInErrorCodes.find((c) => c === code);
  return t(`errors.${known ?? "unknown"}`);
}
