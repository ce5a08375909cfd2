import "server-only";
import { hasNul } from "@/lib/schemas/boundary";
import type { Ctx } from "@/lib/server/context/ctx";
import { authenticateClient } from "./authenticate-client";
import { exchangeAuthorizationCode } from "./exchange-authorization-code";
import type { TokenResponse } from "./issue-tokens";
import { limitClientRequests } from "./limit-client-requests";
import { OAuthError } from "./oauth-error";
import { revokeToken } from "./revoke-token";
import { rotateRefreshToken } from "./rotate-refresh-token";

export type ClientRequest = { form: URLSearchParams; authorization: string | null };

/** Basic credentials name the client too; the rate limit counts against whichever is given. */
function claimedClientId({ form, authorization }: ClientRequest): string | null {
  const basic = /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(authorization?.trim() ?? "");
  if (basic) {
    const claimed = Buffer.from(basic[1], "base64").toString("utf8").split(":")[0] ?? null;
    // Counted under this name in a text column, which cannot hold a NUL; such a client is no one.
    return claimed === null || hasNul(claimed) ? null : claimed;
  }
  return form.get("client_id");
}

function single(form: URLSearchParams, name: string): string | null {
  if (form.getAll(name).length > 1) throw new OAuthError("invalid_request", `${name} was repeated.`);
  return form.get(name);
}

async function authenticated({ db, ip }: Ctx, request: ClientRequest, endpoint: "token" | "revoke") {
  await limitClientRequests(db, { endpoint, clientId: claimedClientId(request), ipAddress: ip });
  const { form } = request;
  return authenticateClient(db, {
    authorization: request.authorization,
    clientId: single(form, "client_id"),
    clientSecret: single(form, "client_secret"),
  });
}

/** The token endpoint (RFC 6749 §3.2): rate limit, client authentication, then the grant. */
export async function handleTokenRequest(ctx: Ctx, request: ClientRequest): Promise<TokenResponse> {
  const { db } = ctx;
  const client = await authenticated(ctx, request, "token");
  const { form } = request;
  const grantType = single(form, "grant_type");
  if (client.app.status !== "LISTED") throw new OAuthError("invalid_grant", "The app is not listed.");
  switch (grantType) {
    case "authorization_code":
      return exchangeAuthorizationCode(db, {
        client,
        code: single(form, "code") ?? "",
        redirectUri: single(form, "redirect_uri"),
        codeVerifier: single(form, "code_verifier"),
      });
    case "refresh_token":
      return rotateRefreshToken(db, { client, refreshToken: single(form, "refresh_token"), scope: single(form, "scope") });
    case null:
      throw new OAuthError("invalid_request", "grant_type is required.");
    default:
      throw new OAuthError("unsupported_grant_type", "Only authorization_code and refresh_token are supported.");
  }
}

/** The revocation endpoint (RFC 7009 §2.1). */
export async function handleRevocationRequest(ctx: Ctx, request: ClientRequest): Promise<void> {
  const { db } = ctx;
  const client = await authenticated(ctx, request, "revoke");
  const token = single(request.form, "token");
  if (!token) throw new OAuthError("invalid_request", "token is required.");
  await revokeToken(db, { client, token });
}
