import "server-only";
import { getDb } from "@/lib/server/db";
import { repeatOnEveryInstance } from "@/lib/server/jobs/repeat-on-every-instance";
import { sendAccessEndedNotices } from "./access-ended-notices";

/**
 * Started once per instance (instrumentation.ts): every minute, tells the patients a suspension or a
 * delisting left untold (the decision's own pass was cut short by a restart or a failure).
 */
export function startAccessEndedNotices(): void {
  repeatOnEveryInstance("catalogue.access_ended_notices", { everyMs: 60 * 1000, firstAfterMs: 30 * 1000 }, async () => {
    const told = await sendAccessEndedNotices(getDb());
    return told > 0 ? { told } : null;
  });
}
