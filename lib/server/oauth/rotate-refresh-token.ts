import "server-only";
import { parseScopeParameter } from "@/lib/oauth/smart-scopes";
import type { Db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import type { AuthenticatedClient } from "./authenticate-client";
import { issueTokens, revokeFamily, type TokenResponse } from "./issue-tokens";
import { OAuthError } from "./oauth-error";
import { hashOpaqueToken } from "./opaque-token";

/**
 * grant_type=refresh_token (RFC 6749 §6) with rotation (RFC 9700 §4.14.2): each refresh token works
 * once. One presented again after its rotation was stolen or copied, so its whole family goes. The
 * rotation is a conditional update: of two refreshes at once, one loses. The grant never outgrows
 * the connection as it is now (the patient may have narrowed it); `scope` may only narrow further.
 */
export async function rotateRefreshToken(
  db: Db,
  {
    client,
    refreshToken,
    scope,
    now = new Date(),
  }: { client: AuthenticatedClient; refreshToken: string | null; scope: string | null; now?: Date },
): Promise<TokenResponse> {
  if (!refreshToken) throw new OAuthError("invalid_request", "refresh_token is required.");
  const outcome = await db.$transaction(async (tx): Promise<{ error: string } | { scopeError: true } | { tokens: TokenResponse }> => {
    const token = await tx.oAuthToken.findUnique({
      where: { tokenHash: hashOpaqueToken(refreshToken) },
      select: {
        id: true,
        kind: true,
        clientId: true,
        familyId: true,
        scopes: true,
        expiresAt: true,
        rotatedAt: true,
        revokedAt: true,
        connection: { select: { id: true, patientId: true, scopes: true, revokedAt: true, app: { select: { status: true } } } },
      },
    });
    if (!token || token.kind !== "REFRESH" || token.clientId !== client.id) return { error: "Unknown refresh token." };
    if (token.revokedAt) return { error: "Refresh token revoked." };
    if (token.rotatedAt) {
      const revoked = await revokeFamily(tx, { familyId: token.familyId }, now);
      logger.warn(
        { event: "oauth.refresh_replayed", clientId: client.clientId, revoked },
        "A rotated refresh token was used again; its family is revoked.",
      );
      return { error: "Refresh token already used." };
    }
    if (token.expiresAt <= now) return { error: "Refresh token expired." };
    const connection = token.connection;
    if (connection.revokedAt || connection.app.status !== "LISTED") return { error: "The connection has ended." };
    const granted = token.scopes.filter((s) => connection.scopes.includes(s));
    if (!granted.includes("offline_access")) return { error: "offline_access is no longer granted." };
    let scopes = granted;
    if (scope !== null) {
      const requested = parseScopeParameter(scope);
      if (requested.unknown.length > 0 || requested.known.some((s) => !token.scopes.includes(s))) return { scopeError: true };
      scopes = granted.filter((s) => (requested.known as string[]).includes(s));
    }
    const { count } = await tx.oAuthToken.updateMany({
      where: { id: token.id, rotatedAt: null, revokedAt: null },
      data: { rotatedAt: now },
    });
    if (count === 0) return { error: "Refresh token already used." };
    return {
      tokens: await issueTokens(tx, {
        clientId: client.id,
        connectionId: connection.id,
        patientId: connection.patientId,
        scopes,
        refreshScopes: granted,
        familyId: token.familyId,
        now,
      }),
    };
  });
  if ("scopeError" in outcome) throw new OAuthError("invalid_scope", "A refresh may only narrow the granted scope.");
  if ("error" in outcome) throw new OAuthError("invalid_grant", outcome.error);
  return outcome.tokens;
}
