import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { hashCode } from "../codes/one-time-codes";

/**
 * A reset link carries `<code id>.<secret>`: the id finds the row without a scan, the 256-bit secret
 * proves the link came from the mail. Only the secret's keyed hash is stored, so a database dump
 * holds no usable link.
 */
const TOKEN_PATTERN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export function newResetSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function formatResetToken(codeId: string, secret: string): string {
  return `${codeId}.${secret}`;
}

export function parseResetToken(token: unknown): { codeId: string; secret: string } | null {
  if (typeof token !== "string") return null;
  const match = TOKEN_PATTERN.exec(token.trim());
  return match ? { codeId: match[1], secret: match[2] } : null;
}

export function hashResetSecret(userId: string, secret: string): string {
  return hashCode({ userId, purpose: "PASSWORD_RESET", code: secret });
}

export function resetSecretMatches(userId: string, secret: string, storedHash: string): boolean {
  const expected = Buffer.from(hashResetSecret(userId, secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return expected.length === stored.length && timingSafeEqual(expected, stored);
}
