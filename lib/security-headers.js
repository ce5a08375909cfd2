// @ts-check
/**
 * The security headers every response carries (ASVS 3.4.x). Plain JavaScript so that next.config.js
 * (for static files and the routes the proxy must not touch) and proxy.ts (for everything else, with
 * a per-request CSP nonce) share one definition.
 */

/**
 * @param {{ nonce?: string, production: boolean, development?: boolean, formToExternalRedirect?: boolean }} options
 *   formToExternalRedirect: the OAuth consent page, whose form's answer redirects to the app's registered
 *   https redirect URI; browsers apply form-action to that redirect too.
 * @returns {string}
 */
export function contentSecurityPolicy({ nonce, production, development = false, formToExternalRedirect = false }) {
  const script = nonce
    ? // 'strict-dynamic' lets the nonced Next.js bootstrap load its chunks; 'self' is a fallback for old browsers.
      `'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`
    : "'self'";
  return [
    "default-src 'self'",
    `script-src ${script}`,
    `style-src 'self'${nonce ? ` 'nonce-${nonce}'` : ""}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The PDF preview's pdf.js worker, a same-origin file. Without this, workers fall back to script-src,
    // where 'strict-dynamic' ignores 'self' and a worker (which carries no nonce) is refused.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    formToExternalRedirect ? "form-action 'self' https:" : "form-action 'self'",
    "frame-ancestors 'none'",
    ...(production ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * @param {{ production: boolean }} options
 * @returns {Record<string, string>}
 */
export function baselineHeaders({ production }) {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload" } : {}),
  };
}
