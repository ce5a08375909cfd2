import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Authorization codes, access and refresh tokens are opaque random strings (256 bits) with a prefix
 * that says what they are (so a leaked one is recognisable in a secret scanner). Only their SHA-256 is
 * stored: a database leak yields no usable token, and a lookup by hash needs no slow hash because the
 * input has full entropy.
 */
export type OpaqueTokenKind = "code" | "access" | "refresh" | "secret";

const PREFIX: Record<OpaqueTokenKind, string> = { code: "ens_ac_", access: "ens_at_", refresh: "ens_rt_", secret: "ens_cs_" };

export function newOpaqueToken(kind: OpaqueTokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString("base64url");
}

export function hashOpaqueToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
