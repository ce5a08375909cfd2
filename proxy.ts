import { NextResponse, type NextRequest } from "next/server";
import { FHIR_BINARY_PATH } from "./lib/fhir/fhir-paths";
import { isMalformedPath, notFoundPathFor } from "./lib/http/malformed-path";
import { REQUEST_ID_HEADER, REQUEST_ID_TIMING, requestIdOf } from "./lib/http/request-id";
import { baselineHeaders, contentSecurityPolicy } from "./lib/security-headers.js";
import { DOCUMENT_FILE_CSP, DOCUMENT_FILE_PATH } from "./lib/vault/document-file-policy";

/**
 * Sets the security headers on every page, API route and error response, with a fresh CSP nonce per
 * request that Next.js applies to its own scripts, and the request id (a load balancer's, if it is safe
 * to log, else a new one) that pages, actions and routes put in their context, their log lines and the
 * response's `X-Request-Id`. Authorization never happens here (ASVS 8.3.1,
 * CVE-2025-29927): pages, actions and routes check access where they read data.
 */
export function proxy(request: NextRequest) {
  const production = process.env.APP_ENV === "production";
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // The OAuth consent page's answer redirects to the app's own https redirect URI (registered, exact match).
  const formToExternalRedirect = request.nextUrl.pathname.startsWith("/autoriser/");
  const csp = contentSecurityPolicy({ nonce, production, development: process.env.NODE_ENV === "development", formToExternalRedirect });

  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP header; never trust one sent by the client.
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.delete("x-middleware-subrequest");
  const requestId = requestIdOf(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);

  // Next.js answers a bare 500 for a dynamic segment that is not UTF-8: such a path names nothing, a 404.
  let response: NextResponse;
  if (!isMalformedPath(request.nextUrl.pathname)) response = NextResponse.next({ request: { headers: requestHeaders } });
  else {
    const target = request.nextUrl.clone();
    target.pathname = notFoundPathFor(request.nextUrl.pathname);
    target.search = "";
    response = NextResponse.rewrite(target, { request: { headers: requestHeaders } });
  }
  // A served document file gets the sandbox policy, not the page's (which would let it run as the app).
  const servesFile = DOCUMENT_FILE_PATH.test(request.nextUrl.pathname) || FHIR_BINARY_PATH.test(request.nextUrl.pathname);
  response.headers.set("Content-Security-Policy", servesFile ? DOCUMENT_FILE_CSP : csp);
  for (const [key, value] of Object.entries(baselineHeaders({ production }))) response.headers.set(key, value);
  // Everything the proxy serves is dynamic and may be personal: never cache it (ASVS 14.3.2).
  response.headers.set("Cache-Control", "no-store, max-age=0");
  response.headers.set(REQUEST_ID_HEADER, requestId);
  // Server-Timing is the one response header a page's script can read back (error.tsx shows the id).
  response.headers.set("Server-Timing", `${REQUEST_ID_TIMING};desc="${requestId}"`);
  return response;
}

export const config = {
  // Keep in step with the sources of headers() in next.config.js, which cover exactly these paths.
  // Upload streams stay outside: a proxy silently truncates request bodies at 10 MB.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|robots.txt|api/uploads).*)" }],
};
