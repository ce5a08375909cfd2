import "server-only";
import type { Db } from "@/lib/server/db";

export type RateLimitRule = {
  /**
   * Built by the caller from the action and who does it: `login:ip:203.0.113.7`,
   * `login:account:<userId>`. At most 200 characters. Never health data, nor anything a person typed
   * freely: keys sit in clear in the table and in database logs.
   */
  key: string;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
};

export type RateLimitResult = {
  allowed: boolean;
  /** Requests still allowed in the current window after this one. */
  remaining: number;
  /** 0 when allowed; otherwise whole seconds (at least 1) until the window ends, for `Retry-After`. */
  retryAfterSeconds: number;
};

/**
 * Counts one request against a fixed window kept in PostgreSQL, so every app instance shares the
 * same counters (ASVS 2.4.1, 6.3.1). See consumeRateLimits, which it calls with one rule.
 */
export async function consumeRateLimit(db: Pick<Db, "$queryRaw">, rule: RateLimitRule): Promise<RateLimitResult> {
  const [result] = await consumeRateLimits(db, [rule]);
  return result!;
}

/**
 * Counts one request against several fixed windows at once (an account's and an address's, an app
 * connection's and its client's), in ONE statement: a request costs one round trip and one commit
 * whatever the number of counters, rather than one per counter. Results in the order of `rules`.
 *
 * One INSERT … ON CONFLICT DO UPDATE: PostgreSQL locks each row for it, so concurrent requests are
 * counted one after the other and at most `limit` of them are ever allowed in a window, however many
 * processes ask at once. A read-then-write in two statements would let a burst slip through. The rows
 * are taken in key order, so two requests sharing two counters cannot deadlock.
 * Times come from the database's clock so that instances with drifting clocks agree.
 */
export async function consumeRateLimits(db: Pick<Db, "$queryRaw">, rules: RateLimitRule[]): Promise<RateLimitResult[]> {
  for (const { key, limit, windowSeconds } of rules) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error("A rate limit is a positive integer");
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1) throw new Error("A rate-limit window is a positive number of seconds");
    if (key.length === 0 || key.length > 200) throw new Error("A rate-limit key is 1 to 200 characters");
  }
  if (new Set(rules.map((rule) => rule.key)).size !== rules.length) throw new Error("Rate-limit keys are counted once per request");
  if (rules.length === 0) return [];
  const keys = rules.map((rule) => rule.key);
  const limits = rules.map((rule) => rule.limit);
  const windows = rules.map((rule) => rule.windowSeconds);

  // The count stops at limit + 1: refused requests need not be told apart, and an endless flood of
  // them cannot overflow the integer column.
  // Truncated to the column's milliseconds: rounding up would make a window last a hair longer than
  // asked, and Retry-After one second too many.
  const rows = await db.$queryRaw<{ key: string; count: number; retryAfterSeconds: number }[]>`
    WITH rule AS (SELECT * FROM unnest(${keys}::text[], ${limits}::int[], ${windows}::int[]) AS r("key", "limit", "windowSeconds"))
    INSERT INTO "RateLimitBucket" AS bucket ("key", "count", "windowStart", "expiresAt")
    SELECT "key", 1, date_trunc('milliseconds', now()),
           date_trunc('milliseconds', now()) + make_interval(secs => "windowSeconds")
    FROM rule ORDER BY "key"
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN bucket."expiresAt" <= now() THEN 1
                ELSE LEAST(bucket."count" + 1, (SELECT "limit" FROM rule WHERE rule."key" = bucket."key") + 1) END,
      "windowStart" = CASE WHEN bucket."expiresAt" <= now() THEN EXCLUDED."windowStart" ELSE bucket."windowStart" END,
      "expiresAt" = CASE WHEN bucket."expiresAt" <= now() THEN EXCLUDED."expiresAt" ELSE bucket."expiresAt" END
    RETURNING "key", "count", GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("expiresAt" - now()))))::int AS "retryAfterSeconds"`;

  const byKey = new Map(rows.map((row) => [row.key, row]));
  return rules.map(({ key, limit }) => {
    const row = byKey.get(key)!;
    const allowed = row.count <= limit;
    return { allowed, remaining: Math.max(0, limit - row.count), retryAfterSeconds: allowed ? 0 : row.retryAfterSeconds };
  });
}
