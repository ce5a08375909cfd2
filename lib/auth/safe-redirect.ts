/**
 * Where to go after signing in: only a path of this site, never another origin (ASVS 3.7.2 on open
 * redirects). Anything else, including `//evil.example`, `/\evil.example`, `javascript:` or a full
 * URL, falls back to the given default.
 *
 * The verdict is on the path as it comes out, not only as it came in: URL parsing removes dot segments
 * (`/.//evil.example` and `/%2e//evil.example` become `//evil.example`), and a path that starts with two
 * slashes is read by browsers as another host.
 */
export function safeRedirectPath(value: unknown, fallback = "/espace"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // Browsers treat a backslash as a slash and drop tabs and newlines inside URLs: judge what they see.
  const seen = value.replace(/[\t\n\r]/g, "").replace(/\\/g, "/");
  if (!seen.startsWith("/") || seen.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(seen, "http://app.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://app.invalid") return fallback;
  if (leavesTheSite(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * A normalised path that a browser, or a server decoding it once more, could take for `//host`: two
 * leading slashes as written, once percent-decoded (`/%2F%2Fevil.example`, `/%5Cevil.example`), or
 * after that decoded form's own dot segments are removed (`/.%2F/evil.example`).
 */
function leavesTheSite(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname)
      .replace(/[\t\n\r]/g, "")
      .replace(/\\/g, "/");
  } catch {
    return true;
  }
  const twoSlashes = (path: string) => path.startsWith("//");
  return twoSlashes(pathname) || twoSlashes(decoded) || twoSlashes(new URL(decoded, "http://app.invalid").pathname);
}
