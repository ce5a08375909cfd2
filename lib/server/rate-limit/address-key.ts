import "server-only";

/**
 * The per-address part of a rate-limit key. A request whose address could not be read (no usable
 * last X-Forwarded-For hop) is counted in one shared bucket: skipping the per-address limit instead
 * would let anyone turn it off by sending `X-Forwarded-For: ,`.
 */
export function addressKey(ipAddress: string | null | undefined): string {
  return ipAddress ?? "unknown";
}
