import "server-only";
import { NextResponse } from "next/server";
import { hasNul } from "@/lib/schemas/boundary";
import { logger } from "@/lib/server/logger";
import type { ClientRequest } from "./handle-token-request";
import { OAuthError } from "./oauth-error";

/** RFC 6749 §5.1: token responses, and errors, are never cached. */
const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

/**
 * A browser app (a public client with PKCE) calls the token and revocation endpoints from its own
 * origin. Any origin may: these endpoints read no cookie, only what the request carries (the code and
 * its verifier, a refresh token, the client's credentials), so a page gains nothing it did not bring.
 */
const OAUTH_CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept",
  "Access-Control-Expose-Headers": "WWW-Authenticate, Retry-After",
  "Access-Control-Max-Age": "600",
};

export function oauthJson(body: unknown, status = 200): Response {
  return NextResponse.json(body, { status, headers: { ...NO_STORE, ...OAUTH_CORS } });
}

/** The revocation endpoint's empty success (RFC 7009 §2.2). */
export function oauthEmpty(): Response {
  return new Response(null, { status: 200, headers: { ...NO_STORE, ...OAUTH_CORS } });
}

/** The CORS preflight of the token and revocation endpoints. */
export function oauthPreflight(): Response {
  return new Response(null, { status: 204, headers: OAUTH_CORS });
}

/** `{ error, error_description }` (§5.2); invalid_client also says how to authenticate (401). */
export function oauthErrorResponse(error: unknown): Response {
  if (!(error instanceof OAuthError)) {
    logger.error({ event: "oauth.failed", err: error }, "OAuth endpoint failed.");
    return oauthJson({ error: "server_error", error_description: "Internal error." }, 500);
  }
  const response = oauthJson({ error: error.error, error_description: error.description }, error.status);
  if (error.error === "invalid_client") response.headers.set("WWW-Authenticate", 'Basic realm="oauth", charset="UTF-8"');
  if (error.retryAfterSeconds) response.headers.set("Retry-After", String(error.retryAfterSeconds));
  return response;
}

/** An application/x-www-form-urlencoded body (§3.2), with who sent it. */
export async function readClientRequest(request: Request): Promise<ClientRequest> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded")
    throw new OAuthError("invalid_request", "The body must be application/x-www-form-urlencoded.");
  const text = await request.text();
  if (text.length > 8_192) throw new OAuthError("invalid_request", "The body is too large.");
  const form = new URLSearchParams(text);
  // No stored text can hold a NUL; a client id or a code with one names nothing.
  if ([...form].some(([name, value]) => hasNul(name) || hasNul(value)))
    throw new OAuthError("invalid_request", "A parameter holds a NUL character.");
  return { form, authorization: request.headers.get("authorization") };
}
