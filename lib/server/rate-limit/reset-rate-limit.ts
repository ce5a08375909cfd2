import "server-only";
import type { Db } from "@/lib/server/db";

/** Forgets a counter, e.g. the per-account sign-in limit once the person has signed in. */
export async function resetRateLimit(db: Pick<Db, "rateLimitBucket">, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
