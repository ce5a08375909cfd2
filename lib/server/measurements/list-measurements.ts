import "server-only";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";

export type MeasurementRow = { id: string; code: string; value: number; unit: string; effectiveAt: Date; sourceLabel: string };

/** The most a page shows: years of daily readings from a couple of apps. */
const PAGE_LIMIT = 500;

/** The patient's own measurements, latest taken first (the authorization module lets only them read these). */
export async function listMeasurements({ db, actor }: SignedInCtx, { patientId }: { patientId: string }): Promise<MeasurementRow[]> {
  await authorizeHealth(db, actor, patientId, { kind: "measurements" }, "read");
  return db.measurement.findMany({
    where: { patientId },
    select: { id: true, code: true, value: true, unit: true, effectiveAt: true, sourceLabel: true },
    orderBy: [{ effectiveAt: "desc" }, { id: "desc" }],
    take: PAGE_LIMIT,
  });
}
