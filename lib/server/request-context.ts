import "server-only";
import { isIP } from "node:net";

/** Where a request comes from, as a Ctx carries it (`ip`, `userAgent`). */
export type RequestOrigin = { ip: string | null; userAgent: string | null };

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
 *
 * Only the last hop counts, as written: an empty one (`X-Forwarded-For: ,`) or anything that is not an
 * address gives no address, never an earlier hop the client chose; rate limits then count the request
 * in a shared bucket (`addressKey`) rather than not at all.
 */
export function contextFromHeaders(source: HeaderSource): RequestOrigin {
  const lastHop = header(source, "x-forwarded-for")?.split(",").at(-1);
  return { ip: lastHop === undefined ? null : addressOf(lastHop), userAgent: header(source, "user-agent")?.slice(0, 500) ?? null };
}

/** An IP address from a hop, without the port some load balancers add (`203.0.113.7:5123`, `[2001:db8::1]:443`). */
function addressOf(hop: string): string | null {
  const trimmed = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed)?.[1];
  const withoutPort = bracketed ?? (/^[\d.]+:\d+$/.test(trimmed) ? trimmed.slice(0, trimmed.lastIndexOf(":")) : trimmed);
  return isIP(withoutPort) ? withoutPort : null;
}
