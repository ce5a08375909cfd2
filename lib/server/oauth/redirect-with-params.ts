import "server-only";

/**
 * The client's registered redirect URI with response parameters added (RFC 6749 §4.1.2): its own
 * query is kept, ours are set over any of the same name.
 */
export function redirectWithParams(redirectUri: string, params: Record<string, string | null | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== null && value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
