import "server-only";
import { hasNul } from "@/lib/schemas/boundary";
import type { Ctx } from "@/lib/server/context/ctx";
import { isValidCodeChallenge } from "./pkce";
import { allowedScopesOf, fhirBaseUrl, OAUTH_LIFETIMES } from "./oauth-settings";
import { redirectWithParams } from "./redirect-with-params";
import { requestedScopes } from "./requested-scopes";

/** Why no redirect could be made at all: shown on our own error page, never sent to the client. */
export type AuthorizeFailure = "client" | "redirect_uri";

export type AuthorizeOutcome =
  /** The client or its redirect URI cannot be trusted: stay here (RFC 6749 §4.1.2.1). */
  | { kind: "errorPage"; reason: AuthorizeFailure }
  /** Back to the client with an error. */
  | { kind: "redirect"; location: string }
  /** A stored request, for the patient to answer at /autoriser/<id>. */
  | { kind: "consent"; requestId: string };

const SINGLE = ["response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method", "aud"] as const;

/**
 * The authorization endpoint (RFC 6749 §4.1.1, RFC 7636, SMART App Launch standalone launch): checks
 * the client and its exact redirect URI first, since every later error is sent there; then the
 * request itself. Unknown scopes, and scopes beyond what the app's catalogue entry states, are
 * dropped rather than refused, as §3.3 allows; a v2 data scope wider than any offered is read as the
 * offered ones it covers (requested-scopes.ts).
 */
export async function startAuthorization({ db, now: clock }: Ctx, params: URLSearchParams): Promise<AuthorizeOutcome> {
  const now = clock();
  const clientId = params.get("client_id");
  const client =
    clientId && clientId.length <= 80 && !hasNul(clientId) && params.getAll("client_id").length === 1
      ? await db.oAuthClient.findUnique({
          where: { clientId },
          select: { id: true, redirectUris: true, revokedAt: true, app: { select: { status: true, requestedScopes: true } } },
        })
      : null;
  if (!client || client.revokedAt || client.app.status !== "LISTED") return { kind: "errorPage", reason: "client" };
  const redirectUri = params.get("redirect_uri");
  if (!redirectUri || params.getAll("redirect_uri").length !== 1 || !client.redirectUris.includes(redirectUri))
    return { kind: "errorPage", reason: "redirect_uri" };

  const state = params.get("state");
  const fail = (error: string, description: string) => ({
    kind: "redirect" as const,
    // A state too long to store is not echoed either.
    location: redirectWithParams(redirectUri, {
      error,
      error_description: description,
      state: state && state.length <= 500 ? state : undefined,
    }),
  });
  if (SINGLE.some((name) => params.getAll(name).length > 1)) return fail("invalid_request", "A parameter was repeated.");
  // Stored with the request: no database text can hold a NUL.
  if ([...params.values()].some(hasNul)) return fail("invalid_request", "A parameter holds a NUL character.");
  const responseType = params.get("response_type");
  if (!responseType) return fail("invalid_request", "response_type is required.");
  if (responseType !== "code") return fail("unsupported_response_type", "Only response_type=code is supported.");
  if (state !== null && state.length > 500) return fail("invalid_request", "state is too long (500 characters at most).");
  const challenge = params.get("code_challenge");
  if (!challenge) return fail("invalid_request", "PKCE is required: code_challenge is missing.");
  if (params.get("code_challenge_method") !== "S256") return fail("invalid_request", "code_challenge_method must be S256.");
  if (!isValidCodeChallenge(challenge)) return fail("invalid_request", "code_challenge must be 43 to 128 base64url characters.");
  const aud = params.get("aud");
  if (aud !== null && aud.replace(/\/$/, "") !== fhirBaseUrl()) return fail("invalid_request", "aud is not this server's FHIR base URL.");

  const allowed = allowedScopesOf(client.app);
  const scopes = requestedScopes(params.get("scope"), allowed);
  if (scopes.length === 0) return fail("invalid_scope", "No scope this app may ask for was requested.");

  const request = await db.oAuthAuthorizationRequest.create({
    data: {
      clientId: client.id,
      redirectUri,
      state,
      codeChallenge: challenge,
      scopes,
      expiresAt: new Date(now.getTime() + OAUTH_LIFETIMES.requestMs),
    },
    select: { id: true },
  });
  return { kind: "consent", requestId: request.id };
}
