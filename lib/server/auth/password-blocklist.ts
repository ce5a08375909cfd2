import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * The passwords attackers try first (ASVS 6.2.4, NIST 800-63B "blocklist"): the ~49,000 common
 * passwords that zxcvbn-ts ships offline, so no password ever leaves the server to be checked.
 */
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  // Built on first use: importing this module (e.g. from a page that never checks a password) stays cheap.
  common ??= new Set(dictionary["passwords-common"].map((entry) => fold(entry)));
  return common;
}

function fold(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

/** "aaaaaaaaaaaa", "abcabcabcabc", "121212121212": a short block repeated. */
function isRepetition(chars: string[]): boolean {
  for (let unit = 1; unit <= 3 && unit * 2 <= chars.length; unit++) {
    if (chars.every((char, i) => char === chars[i % unit])) return true;
  }
  return false;
}

/** "123456789012", "abcdefghijkl", "zyxwvutsrqpo": each character one step from the last. */
function isSequence(chars: string[]): boolean {
  if (chars.length < 2) return false;
  const codes = chars.map((char) => char.codePointAt(0)!);
  const step = (i: number) => {
    // Digits wrap around, as on a keyboard's top row: ...8, 9, 0, 1...
    if (codes[i - 1] === 0x39 && codes[i] === 0x30) return 1;
    if (codes[i - 1] === 0x30 && codes[i] === 0x39) return -1;
    return codes[i] - codes[i - 1];
  };
  const first = step(1);
  if (first !== 1 && first !== -1) return false;
  for (let i = 2; i < codes.length; i++) if (step(i) !== first) return false;
  return true;
}

/** Exact match, case-insensitive; the list is all lower case. */
export function isCommonPassword(password: string): boolean {
  const folded = fold(password);
  if (commonPasswords().has(folded)) return true;
  const chars = [...folded];
  return isRepetition(chars) || isSequence(chars);
}
