import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/** RFC 7636 §4.1–4.2: a verifier or an S256 challenge is 43 to 128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** An S256 challenge is base64url without padding (43 characters for SHA-256, up to 128 allowed). */
const CHALLENGE = /^[A-Za-z0-9\-_]{43,128}$/;

export function isValidCodeChallenge(challenge: string): boolean {
  return CHALLENGE.test(challenge);
}

export function isValidCodeVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

export function s256(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

/** Whether the verifier hashes to the challenge stored with the code. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!isValidCodeVerifier(verifier)) return false;
  const computed = Buffer.from(s256(verifier));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
