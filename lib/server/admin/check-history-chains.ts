import "server-only";
import type { Db } from "@/lib/server/db";
import { verifyAllHistoryChains } from "@/lib/server/history/verify-all-history-chains";
import { authorize } from "@/lib/server/policy/policy";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";

export type ChainCheckResult = { patients: number; entries: number; broken: { patientId: string; sequence: number; problem: string }[] };

/** The audit entry lists this many broken chains at most; the counts are always whole. */
const LISTED = 50;

/**
 * The "Vérifier l'intégrité des historiques" button: recomputes every patient's hash chain and reports
 * counts and the broken chains by patient id and sequence (no health data), recorded in the staff
 * audit log. It reads every history entry: at national scale it belongs in a background job whose
 * last report this page would show.
 */
export async function checkHistoryChains(db: Db, { staff, ipAddress }: { staff: StaffActor; ipAddress?: string | null }): Promise<ChainCheckResult> {
  authorize(staff.actor, "admin:audit");
  const report = await verifyAllHistoryChains(db);
  const broken = report.broken.map((verdict) => ({ patientId: verdict.patientId, sequence: verdict.brokenAtSequence, problem: verdict.problem }));
  await db.$transaction((tx) =>
    recordStaffAction(tx, {
      staff,
      action: "HISTORY_CHAINS_VERIFIED",
      details: { patients: report.patients, entries: report.entries, broken: broken.length, brokenChains: broken.slice(0, LISTED).map(({ patientId, sequence }) => `${patientId}#${sequence}`) },
      ipAddress,
    }),
  );
  return { patients: report.patients, entries: report.entries, broken };
}
