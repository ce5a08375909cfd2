import "server-only";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";

/**
 * Marks one alert (or all of them) read. Only the patient's own alerts are touched: someone else's id
 * changes nothing, and answers the same as an already-read one.
 */
export async function markAlertsRead(
  { db, actor, now }: SignedInCtx,
  { patientId, alertId }: { patientId: string; alertId: string | "all" },
): Promise<number> {
  await authorizeHealth(db, actor, patientId, { kind: "history" }, "manage");
  const { count } = await db.notification.updateMany({
    where: { userId: patientId, readAt: null, ...(alertId === "all" ? {} : { id: alertId }) },
    data: { readAt: now() },
  });
  return count;
}
