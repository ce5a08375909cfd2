/**
 * The password rules, shared by the sign-up form (instant feedback in the browser) and the server
 * (which also checks the common-password list, too big to ship to the browser).
 *
 * NIST SP 800-63B § 3.1.1.2 and ASVS 6.2: a minimum length, a generous maximum, no composition rules
 * (they push people to "Password1!"), and a refusal of passwords an attacker would try first.
 */

export const PASSWORD_MIN_LENGTH = 12;
/** NIST requires accepting at least 64; 128 leaves room for passphrases and password managers. */
export const PASSWORD_MAX_LENGTH = 128;

/** Names and e-mail local parts shorter than this match too many unrelated passwords to refuse them. */
const PERSONAL_MIN_LENGTH = 4;

export type PasswordProblem = "TOO_SHORT" | "TOO_LONG" | "COMMON" | "PERSONAL";

export type PersonalInfo = { email?: string; firstName?: string; lastName?: string };

/**
 * Counted in code points after NFC so that "é" typed as one character or as e + accent counts once,
 * and an emoji counts as one, as the person sees it.
 */
export function passwordLength(password: string): number {
  return [...password.normalize("NFC")].length;
}

function fold(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

function localPart(email: string): string {
  const at = email.lastIndexOf("@");
  return at > 0 ? email.slice(0, at) : email;
}

function personalFragments({ email, firstName, lastName }: PersonalInfo): string[] {
  return [email === undefined ? undefined : localPart(email), firstName, lastName]
    .map((fragment) => fold(fragment?.trim() ?? ""))
    .filter((fragment) => [...fragment].length >= PERSONAL_MIN_LENGTH);
}

/**
 * The checks that need no word list. Spaces are ordinary characters: passphrases are welcome.
 * The server adds the common-password check (`checkPassword` in lib/server/auth/check-password.ts).
 */
export function checkPasswordShape(password: string, personal?: PersonalInfo): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return "TOO_SHORT";
  if (length > PASSWORD_MAX_LENGTH) return "TOO_LONG";
  if (personal) {
    const folded = fold(password);
    if (personalFragments(personal).some((fragment) => folded.includes(fragment))) return "PERSONAL";
  }
  return null;
}
