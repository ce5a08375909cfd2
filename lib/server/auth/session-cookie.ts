import "server-only";
import { decode } from "next-auth/jwt";
import { getConfig } from "@/lib/server/config";

/** `__Host-` in production: the cookie is then only ever set by this exact origin, over HTTPS, for `/`. */
export const SESSION_COOKIE = (secure: boolean) => (secure ? "__Host-ens.session" : "ens.session");

type CookieStore = { get(name: string): { value: string } | undefined };

/** The opaque session token inside next-auth's encrypted cookie, or undefined. */
export async function readSessionToken(store: CookieStore): Promise<string | undefined> {
  const config = getConfig();
  const raw = store.get(SESSION_COOKIE(config.isProduction))?.value;
  if (!raw) return undefined;
  try {
    const claims = await decode({ token: raw, secret: config.authSecret });
    return typeof claims?.sid === "string" ? claims.sid : undefined;
  } catch {
    return undefined;
  }
}
