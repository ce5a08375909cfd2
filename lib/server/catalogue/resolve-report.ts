import "server-only";
import { resolveReportSchema } from "@/lib/catalogue/curation-schemas";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";

/** Marks a report handled; one conditional update, so two curators cannot both resolve it. */
export async function resolveReport({ db, ip, now }: Ctx, { staff, reportId }: { staff: StaffActor; reportId: string }): Promise<void> {
  resolveReportSchema.parse({ reportId });
  await db.$transaction(async (tx) => {
    const report = await tx.catalogReport.findUnique({
      where: { id: reportId },
      select: { appId: true, reason: true, app: { select: { name: true } } },
    });
    if (!report) throw new AppError("NOT_FOUND", "Catalogue report not found.");
    const { count } = await tx.catalogReport.updateMany({ where: { id: reportId, resolvedAt: null }, data: { resolvedAt: now() } });
    if (count === 0)
      throw new AppError("CONFLICT", "Catalogue report already resolved.", { messageKey: "catalogue.curation.errors.reportResolved" });
    await recordStaffAction(tx, {
      staff,
      action: "CATALOG_REPORT_RESOLVED",
      target: { appId: report.appId, label: report.app.name },
      details: { reportId, reason: report.reason },
      ipAddress: ip,
    });
  });
}
