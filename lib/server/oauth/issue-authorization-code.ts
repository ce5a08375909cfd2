import "server-only";
import type { Db } from "@/lib/server/db";
import { newOpaqueToken, hashOpaqueToken } from "./opaque-token";
import { OAUTH_LIFETIMES } from "./oauth-settings";

/** A single-use code bound to the client, its redirect URI and PKCE challenge; only its hash is kept. */
export async function issueAuthorizationCode(
  tx: Pick<Db, "oAuthAuthorizationCode">,
  {
    clientId,
    connectionId,
    redirectUri,
    codeChallenge,
    scopes,
    now = new Date(),
  }: { clientId: string; connectionId: string; redirectUri: string; codeChallenge: string; scopes: string[]; now?: Date },
): Promise<string> {
  const code = newOpaqueToken("code");
  await tx.oAuthAuthorizationCode.create({
    data: {
      codeHash: hashOpaqueToken(code),
      clientId,
      connectionId,
      redirectUri,
      codeChallenge,
      scopes,
      expiresAt: new Date(now.getTime() + OAUTH_LIFETIMES.codeMs),
    },
    select: { codeHash: true },
  });
  return code;
}
