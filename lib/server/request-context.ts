import "server-only";
import { headers } from "next/headers";
import type { RequestContext } from "@/lib/server/auth/record-security-event";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * Who is asking, for rate limits, the session list and security events. The address is the last hop
 * of X-Forwarded-For: Next.js puts the socket's address there when no proxy did, and a load balancer
 * in front appends the address it saw, which a client cannot forge (entries before it can be).
 */
export function contextFromHeaders(source: HeaderSource): RequestContext {
  const forwarded = header(source, "x-forwarded-for");
  const ipAddress = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1) ?? null;
  return { ipAddress: ipAddress?.slice(0, 45) ?? null, userAgent: header(source, "user-agent")?.slice(0, 500) ?? null };
}

/** The same, inside a page, server action or route handler. */
export async function currentRequestContext(): Promise<RequestContext> {
  return contextFromHeaders(await headers());
}
