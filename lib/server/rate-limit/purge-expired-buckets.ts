import "server-only";
import type { Db } from "@/lib/server/db";

/**
 * Deletes the counters whose window has ended (run periodically): an expired row would be reset by
 * its next use anyway, but keys of one-off visitors (IP addresses) would otherwise stay forever.
 * Uses the database's clock, like `consumeRateLimit`. Returns how many rows went.
 */
export async function purgeExpiredBuckets(db: Pick<Db, "$executeRaw">): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "expiresAt" < now()`;
}
