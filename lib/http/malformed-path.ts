/**
 * Whether a path's percent-escapes are not UTF-8 (`/api/documents/%FF`, `%C3%28`, a lone `%`).
 * Next.js decodes a dynamic segment before any route code runs and answers such a path with a bare
 * 500 (a rewrite to a well-formed path does not help: the params still come from the original URL),
 * so the proxy sends it to a plain 404 instead (see proxy.ts).
 */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** Where the proxy sends a malformed path: the API's JSON 404, or a page path no route matches (the 404 page). */
export function notFoundPathFor(pathname: string): string {
  return pathname.startsWith("/api/") ? "/api/not-found" : "/introuvable";
}
