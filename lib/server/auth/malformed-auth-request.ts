import "server-only";
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http/json-route";

/** The credentials providers of next-auth-options.ts: they take a POST, never a GET callback. */
const CREDENTIALS_PROVIDERS = new Set(["password", "second-factor"]);
const CALLBACK_COOKIE = /^(__Host-)?ens\.callback$/;

/** next-auth's own test (core/lib/assert.js): a path, or an absolute http(s) URL. */
function isHttpUrl(value: string, base: string): boolean {
  try {
    return /^https?:/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

function callbackCookies(request: Request): string[] {
  return (request.headers.get("cookie") ?? "")
    .split(";")
    .map((pair) => pair.trim().split("="))
    .filter(([name]) => CALLBACK_COOKIE.test(name ?? ""))
    .map(([, ...value]) => {
      const raw = value.join("=");
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    });
}

/**
 * next-auth v4 answers a client's mistakes with a 500 ("a problem with the server configuration"):
 * a callbackUrl that is not a URL, in the query or its cookie, and a GET on a credentials provider's
 * callback. Those are answered here first — 400, and 405 for the GET — so a 500 from this route is
 * always a real fault. Where a valid callbackUrl may lead is next-auth's redirect callback's to say.
 */
export async function refuseMalformedAuthRequest(request: Request, segments: string[]): Promise<Response | null> {
  const url = new URL(request.url);
  const callbackUrls = [...url.searchParams.getAll("callbackUrl"), ...callbackCookies(request)];
  if (callbackUrls.some((value) => !isHttpUrl(value, url.origin)))
    return errorResponse(new AppError("BAD_REQUEST", "Malformed callbackUrl."));
  if (
    (request.method === "GET" || request.method === "HEAD") &&
    segments[0] === "callback" &&
    CREDENTIALS_PROVIDERS.has(segments[1] ?? "")
  ) {
    const response = await errorResponse(new AppError("BAD_REQUEST", "Credentials callbacks take a POST."), { status: 405 });
    response.headers.set("Allow", "POST");
    return response;
  }
  return null;
}
