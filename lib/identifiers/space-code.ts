import { randomInt } from "node:crypto";

/**
 * The identifier a patient gives a professional (with their birth date) instead of their NIR:
 * "ENS-" and eight characters from an alphabet without look-alikes (no 0/O, 1/I/L, U).
 */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const PATTERN = /^ENS-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/;

export function newSpaceCode(): string {
  let code = "ENS-";
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Typed by a person: case, spaces and a missing or odd dash are forgiven. */
export function normalizeSpaceCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  const code = compact.startsWith("ENS") ? `ENS-${compact.slice(3)}` : `ENS-${compact}`;
  return PATTERN.test(code) ? code : null;
}
