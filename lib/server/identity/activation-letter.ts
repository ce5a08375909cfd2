import "server-only";
import { randomInt } from "node:crypto";

/** No 0/O, 1/I/L: a code copied from paper by hand. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Ten characters of 31, printed as two groups of five ("K7M2Q-9XHRT"). */
export function newActivationCode(): string {
  return Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export function printedActivationCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The letter's address block, from the address on file; null when it is incomplete. */
export function addressBlock(person: {
  firstName: string;
  lastName: string;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
}): string | null {
  if (!person.addressLine1 || !person.postalCode || !person.city) return null;
  return [
    `${person.firstName} ${person.lastName.toUpperCase()}`,
    person.addressLine1,
    person.addressLine2,
    `${person.postalCode} ${person.city.toUpperCase()}`,
  ]
    .filter(Boolean)
    .join("\n");
}
