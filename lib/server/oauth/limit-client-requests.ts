import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/server/db";
import { addressKey } from "@/lib/server/rate-limit/address-key";
import { consumeRateLimits } from "@/lib/server/rate-limit/consume-rate-limit";
import { OAuthError } from "./oauth-error";

/**
 * Per client and per IP limits on the token and revocation endpoints, in the shared PostgreSQL
 * counters. Per client it is generous (an app's back end speaks for all its patients); per IP it
 * stops a guesser of codes or secrets. The client id is hashed: it is whatever the caller typed.
 */
export const CLIENT_REQUEST_LIMITS = {
  perClient: { limit: 600, windowSeconds: 60 },
  perIp: { limit: 60, windowSeconds: 60 },
} as const;

export async function limitClientRequests(
  db: Pick<Db, "$queryRaw">,
  { endpoint, clientId, ipAddress }: { endpoint: "token" | "revoke"; clientId: string | null; ipAddress: string | null },
): Promise<void> {
  const clientKey = createHash("sha256")
    .update(clientId ?? "")
    .digest("base64url")
    .slice(0, 32);
  // Both counters in one statement: one round trip and one commit per request.
  const results = await consumeRateLimits(db, [
    { key: `oauth-${endpoint}:client:${clientKey}`, ...CLIENT_REQUEST_LIMITS.perClient },
    { key: `oauth-${endpoint}:ip:${addressKey(ipAddress)}`, ...CLIENT_REQUEST_LIMITS.perIp },
  ]);
  const refused = results.filter((result) => !result.allowed);
  if (refused.length > 0)
    throw new OAuthError("slow_down", "Too many requests.", 429, Math.max(...refused.map((result) => result.retryAfterSeconds)));
}
