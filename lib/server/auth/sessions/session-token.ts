import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 256 bits from the CSPRNG: unguessable, and only its hash is stored (a leaked table opens nothing). */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
