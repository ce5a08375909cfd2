import "server-only";
import { checkPasswordShape, type PasswordProblem, type PersonalInfo } from "@/lib/auth/password-policy";
import { isCommonPassword } from "./password-blocklist";

/** The full policy for a new password (sign-up, change, reset); null when it is acceptable. */
export function checkPassword(password: string, personal?: PersonalInfo): PasswordProblem | null {
  return checkPasswordShape(password, personal) ?? (isCommonPassword(password) ? "COMMON" : null);
}
