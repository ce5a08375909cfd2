import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { AppAccess } from "@/lib/server/oauth/verify-access-token";
import { consumeRateLimits, type RateLimitRule } from "@/lib/server/rate-limit/consume-rate-limit";

/**
 * How much one app may ask of the FHIR API, in the shared PostgreSQL counters, per minute
 * (FHIR_CALLS_PER_MINUTE_PER_CONNECTION and _PER_CLIENT, 300 and 6,000 by default). Per connection
 * (one patient's data through one app) it is well above what a person's app needs, and stops a
 * runaway sync loop or a scraper; per client (an app's back end speaking for all its patients) it
 * keeps one app from taking the API from the others.
 */
export type AppCallLimits = { perConnection: Omit<RateLimitRule, "key">; perClient: Omit<RateLimitRule, "key"> };

export function appCallLimits(perMinute: { perConnection: number; perClient: number }): AppCallLimits {
  return {
    perConnection: { limit: perMinute.perConnection, windowSeconds: 60 },
    perClient: { limit: perMinute.perClient, windowSeconds: 60 },
  };
}

/** Counts one FHIR call; over either limit, RATE_LIMITED with the seconds to wait (a 429 with Retry-After). */
export async function limitAppCalls(
  db: Pick<Db, "$queryRaw">,
  access: Pick<AppAccess, "clientId" | "connectionId">,
  limits: AppCallLimits,
): Promise<void> {
  // Both counters in one statement: one round trip and one commit per call.
  const results = await consumeRateLimits(db, [
    { key: `fhir:connection:${access.connectionId}`, ...limits.perConnection },
    { key: `fhir:client:${access.clientId}`, ...limits.perClient },
  ]);
  const refused = results.filter((result) => !result.allowed);
  if (refused.length > 0) {
    throw new AppError("RATE_LIMITED", "Too many FHIR calls.", {
      messageValues: { retryAfterSeconds: Math.max(...refused.map((result) => result.retryAfterSeconds)) },
    });
  }
}
