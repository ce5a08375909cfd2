import "server-only";
import { SMART_SCOPES, TECHNICAL_SCOPES, type SmartScope } from "@/lib/oauth/smart-scopes";
import { getConfig } from "@/lib/server/config";

/** How long each thing the authorization server hands out stays valid. */
export const OAUTH_LIFETIMES = {
  /** An authorization request waiting for the patient (sign-in and consent included). */
  requestMs: 10 * 60_000,
  /** A code is exchanged by the app's back end right after the redirect. */
  codeMs: 60_000,
  accessMs: 10 * 60_000,
  /** Only with offline_access; each use rotates it. */
  refreshMs: 30 * 24 * 3_600_000,
} as const;

/** The FHIR base URL, which is also what a client must name in `aud`. */
export function fhirBaseUrl(): string {
  return `${getConfig().appUrl}/api/fhir`;
}

/** What an app may ask for: the data scopes of its catalogue entry, and the technical ones. */
export function allowedScopesOf(app: { requestedScopes: string[] }): SmartScope[] {
  return SMART_SCOPES.filter((scope) => TECHNICAL_SCOPES.includes(scope) || app.requestedScopes.includes(scope));
}
