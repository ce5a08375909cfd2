/**
 * A path whose percent-escapes are not UTF-8 (`/api/documents/%FF`, a lone `%`) made well-formed, or
 * null when it already is. Next.js decodes a dynamic segment with decodeURIComponent before any route
 * code runs, and a malformed one answered a bare 500. The proxy rewrites such a path the way a
 * browser's decoder reads bytes that are not UTF-8 — each bad sequence becomes U+FFFD, a lone `%`
 * stays a `%` — so the route sees a segment that is simply not an id, and answers 404 (or 400).
 */
export function wellFormedPath(pathname: string): string | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    const decoder = new TextDecoder("utf-8", { fatal: false });
    return pathname
      .replace(/%(?![0-9A-Fa-f]{2})/g, "%25")
      .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
        const bytes = new Uint8Array(run.length / 3);
        for (let index = 0; index < bytes.length; index++) bytes[index] = Number.parseInt(run.slice(index * 3 + 1, index * 3 + 3), 16);
        return encodeURIComponent(decoder.decode(bytes));
      });
  }
}
