import "server-only";
import { getConfig } from "@/lib/server/config";

/**
 * An authorization response (RFC 6749 §4.1.2): the client's registered redirect URI with the response
 * parameters added, its own query kept and ours set over any of the same name. Every response, error
 * or code, names its issuer (RFC 9207), so a client talking to several servers can tell which one
 * answered and a mix-up attack fails.
 */
export function redirectWithParams(redirectUri: string, params: Record<string, string | null | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries({ ...params, iss: getConfig().appUrl }))
    if (value !== null && value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
