import "server-only";
import type { Db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import type { AuthenticatedClient } from "./authenticate-client";
import { issueTokens, revokeFamily, type TokenResponse } from "./issue-tokens";
import { OAuthError } from "./oauth-error";
import { hashOpaqueToken } from "./opaque-token";
import { verifierMatches } from "./pkce";

/**
 * grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6). The code is consumed first with a
 * conditional update, inside the transaction that issues the tokens: of two exchanges at once, one
 * wins; a code presented again is a sign it was stolen, so every token it gave is revoked (§4.1.2).
 * A wrong verifier or redirect URI still burns the code, so a thief cannot keep guessing.
 */
export async function exchangeAuthorizationCode(
  db: Db,
  {
    client,
    code,
    redirectUri,
    codeVerifier,
    now = new Date(),
  }: { client: AuthenticatedClient; code: string; redirectUri: string | null; codeVerifier: string | null; now?: Date },
): Promise<TokenResponse> {
  if (!code || !redirectUri || !codeVerifier) throw new OAuthError("invalid_request", "code, redirect_uri and code_verifier are required.");
  const codeHash = hashOpaqueToken(code);
  const outcome = await db.$transaction(async (tx): Promise<{ error: string } | { tokens: TokenResponse }> => {
    const row = await tx.oAuthAuthorizationCode.findUnique({
      where: { codeHash },
      select: {
        clientId: true,
        redirectUri: true,
        codeChallenge: true,
        scopes: true,
        expiresAt: true,
        connection: { select: { id: true, patientId: true, scopes: true, revokedAt: true, app: { select: { status: true } } } },
      },
    });
    if (!row || row.clientId !== client.id) return { error: "Unknown code." };
    const { count } = await tx.oAuthAuthorizationCode.updateMany({ where: { codeHash, usedAt: null }, data: { usedAt: now } });
    if (count === 0) {
      const revoked = await revokeFamily(tx, { codeHash }, now);
      logger.warn(
        { event: "oauth.code_replayed", clientId: client.clientId, revoked },
        "An authorization code was used twice; its tokens are revoked.",
      );
      return { error: "Code already used." };
    }
    if (row.expiresAt <= now) return { error: "Code expired." };
    if (row.redirectUri !== redirectUri) return { error: "redirect_uri does not match the authorization request." };
    if (!verifierMatches(codeVerifier, row.codeChallenge)) return { error: "code_verifier does not match the code_challenge." };
    const connection = row.connection;
    if (connection.revokedAt || connection.app.status !== "LISTED") return { error: "The connection has ended." };
    const scopes = row.scopes.filter((scope) => connection.scopes.includes(scope));
    return {
      tokens: await issueTokens(tx, {
        clientId: client.id,
        connectionId: connection.id,
        patientId: connection.patientId,
        scopes,
        codeHash,
        now,
      }),
    };
  });
  // Thrown after the transaction, so a replay's revocation is committed rather than rolled back.
  if ("error" in outcome) throw new OAuthError("invalid_grant", outcome.error);
  return outcome.tokens;
}
