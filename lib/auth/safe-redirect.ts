/**
 * Where to go after signing in: only a path of this site, never another origin (ASVS 3.7.2 on open
 * redirects). Anything else, including `//evil.example`, `/\evil.example`, `javascript:` or a full
 * URL, falls back to the given default.
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
  return `${url.pathname}${url.search}${url.hash}`;
}
