import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/server/db";
import { hashOpaqueToken, newOpaqueToken } from "./opaque-token";
import { OAUTH_LIFETIMES } from "./oauth-settings";

/** The token response of RFC 6749 §5.1 with SMART's `patient` launch context. */
export type TokenResponse = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
  patient?: string;
  refresh_token?: string;
};

/**
 * An access token, and a refresh token when offline_access is granted, in one family (a new one for
 * a code, the same one when a refresh token is rotated), so that a detected replay can revoke all of
 * what descends from one consent. `refreshScopes` lets a narrowed refresh keep the full grant on the
 * new refresh token while the access token carries only what was asked (RFC 6749 §6).
 */
export async function issueTokens(
  tx: Pick<Db, "oAuthToken">,
  {
    clientId,
    connectionId,
    patientId,
    scopes,
    refreshScopes = scopes,
    familyId = randomUUID(),
    codeHash = null,
    now = new Date(),
  }: {
    clientId: string;
    connectionId: string;
    patientId: string;
    scopes: string[];
    refreshScopes?: string[];
    familyId?: string;
    codeHash?: string | null;
    now?: Date;
  },
): Promise<TokenResponse> {
  const accessToken = newOpaqueToken("access");
  const refreshToken = refreshScopes.includes("offline_access") ? newOpaqueToken("refresh") : null;
  const common = { clientId, connectionId, familyId, codeHash };
  await tx.oAuthToken.createMany({
    data: [
      {
        ...common,
        tokenHash: hashOpaqueToken(accessToken),
        kind: "ACCESS",
        scopes,
        expiresAt: new Date(now.getTime() + OAUTH_LIFETIMES.accessMs),
      },
      ...(refreshToken
        ? [
            {
              ...common,
              tokenHash: hashOpaqueToken(refreshToken),
              kind: "REFRESH" as const,
              scopes: refreshScopes,
              expiresAt: new Date(now.getTime() + OAUTH_LIFETIMES.refreshMs),
            },
          ]
        : []),
    ],
  });
  return {
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: OAUTH_LIFETIMES.accessMs / 1000,
    scope: scopes.join(" "),
    ...(scopes.includes("launch/patient") ? { patient: patientId } : {}),
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
  };
}

/**
 * Ends every token descending from one code or one refresh chain. A code names the family it started:
 * tokens rotated from its refresh token carry the family but not the code, and a replayed code must end
 * them too (RFC 6819 §4.4.1.1), so the code is turned into its family first.
 */
export async function revokeFamily(
  tx: Pick<Db, "oAuthToken">,
  where: { familyId: string } | { codeHash: string },
  now = new Date(),
): Promise<number> {
  const familyIds =
    "familyId" in where
      ? [where.familyId]
      : (await tx.oAuthToken.findMany({ where: { codeHash: where.codeHash }, select: { familyId: true }, distinct: ["familyId"] })).map(
          (row) => row.familyId,
        );
  if (familyIds.length === 0) return 0;
  const { count } = await tx.oAuthToken.updateMany({ where: { familyId: { in: familyIds }, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
