import "server-only";
import { randomBytes } from "node:crypto";
import { hash, verify, type Options } from "@node-rs/argon2";

/**
 * OWASP Password Storage Cheat Sheet, argon2id first choice: 19 MiB, 2 passes, 1 lane (ASVS 6.5.2).
 * Raising them later is safe: `verify` reads the parameters from each stored hash.
 */
const ARGON2ID_OPTIONS: Options = {
  // `Algorithm` is an ambient const enum: isolatedModules cannot inline it, and at run time the
  // package exports it as an empty object. 2 is Algorithm.Argon2id.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/**
 * NFC so that a password typed on a system that composes accents ("é") matches the same password
 * typed on one that decomposes them (e + ´), as NIST 800-63B asks for Unicode passwords.
 */
function normalize(password: string): string {
  return password.normalize("NFC");
}

/** A PHC string, `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, with a fresh random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), ARGON2ID_OPTIONS);
}

/** False, never an exception, for a wrong password or a stored hash that is not a valid PHC string. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalize(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * For a sign-in with an unknown e-mail (or an account without a password): spends the same argon2
 * work as a real check, so response time does not tell which e-mails have accounts (ASVS 6.3.8).
 * The dummy is a hash of random bytes nobody knows, made once per process with the same parameters.
 */
export async function verifyPasswordAgainstDummy(password: string): Promise<false> {
  // The promise is kept, not the string, so concurrent first calls share one hashing.
  dummyHash ??= hashPassword(randomBytes(32).toString("base64url"));
  await verifyPassword(await dummyHash, password);
  return false;
}
