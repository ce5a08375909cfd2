import "server-only";
import { getConfig } from "@/lib/server/config";
import { getDb } from "@/lib/server/db";
import { repeatOnEveryInstance } from "@/lib/server/jobs/repeat-on-every-instance";
import { purgeExpiredRows } from "./purge-expired-rows";

/**
 * Started once per instance (instrumentation.ts): every hour, deletes expired sessions, codes,
 * rate-limit counters, OAuth requests, codes and tokens, and old outbox messages (purge-expired-rows.ts).
 */
export function startHousekeeping(): void {
  repeatOnEveryInstance("housekeeping", { everyMs: 60 * 60 * 1000, firstAfterMs: 2 * 60 * 1000 }, async () => {
    const deleted = await purgeExpiredRows(getDb(), { sessionIdleMs: getConfig().sessionIdleMs });
    return Object.values(deleted).some((count) => count > 0) ? deleted : null;
  });
}
