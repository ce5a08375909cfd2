import "server-only";
import { timingSafeEqual } from "node:crypto";
import type { CatalogAppStatus, OAuthClientType } from "@/lib/generated/prisma/client";
import { hasNul } from "@/lib/schemas/boundary";
import type { Db } from "@/lib/server/db";
import { OAuthError } from "./oauth-error";
import { hashOpaqueToken } from "./opaque-token";

export type AuthenticatedClient = { id: string; clientId: string; type: OAuthClientType; app: { id: string; status: CatalogAppStatus } };

/** The credentials a token or revocation request carries: its Authorization header and form fields. */
export type ClientCredentials = { authorization: string | null; clientId?: string | null; clientSecret?: string | null };

/** `Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1), or null when malformed. */
function parseBasic(authorization: string): { id: string; secret: string } | null {
  const match = /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(authorization.trim());
  if (!match) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  try {
    const unescape = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
    const credentials = { id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
    // No client id holds a NUL, and the database could not be asked about one.
    return hasNul(credentials.id) || hasNul(credentials.secret) ? null : credentials;
  } catch {
    return null;
  }
}

function secretMatches(secret: string, secretHash: string | null): boolean {
  if (!secretHash) return false;
  const given = Buffer.from(hashOpaqueToken(secret), "hex");
  const stored = Buffer.from(secretHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * Client authentication at the token and revocation endpoints: client_secret_basic or
 * client_secret_post for confidential clients, the bare client_id for public ones (PKCE binds their
 * codes). One method per request (§2.3). Any failure is the same invalid_client, with nothing about
 * which part was wrong.
 */
export async function authenticateClient(db: Pick<Db, "oAuthClient">, credentials: ClientCredentials): Promise<AuthenticatedClient> {
  let clientId = credentials.clientId ?? null;
  let secret = credentials.clientSecret ?? null;
  if (credentials.authorization) {
    const basic = parseBasic(credentials.authorization);
    if (!basic) throw new OAuthError("invalid_client", "Malformed client authentication.");
    if (secret !== null || (clientId !== null && clientId !== basic.id))
      throw new OAuthError("invalid_request", "Use one client authentication method.");
    clientId = basic.id;
    secret = basic.secret;
  }
  if (!clientId || clientId.length > 80) throw new OAuthError("invalid_client", "Client authentication failed.");
  const client = await db.oAuthClient.findUnique({
    where: { clientId },
    select: { id: true, clientId: true, type: true, secretHash: true, revokedAt: true, app: { select: { id: true, status: true } } },
  });
  const ok =
    client &&
    !client.revokedAt &&
    (client.type === "CONFIDENTIAL" ? secret !== null && secretMatches(secret, client.secretHash) : secret === null);
  if (!ok) {
    // Hash anyway, so an unknown client and a wrong secret take the same time.
    if (!client && secret !== null) secretMatches(secret, "0".repeat(64));
    throw new OAuthError("invalid_client", "Client authentication failed.");
  }
  return { id: client.id, clientId: client.clientId, type: client.type, app: client.app };
}
