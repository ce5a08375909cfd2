import { getTranslations } from "next-intl/server";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { parseAuditLogFilters } from "@/lib/server/admin/audit-log-filters";
import { exportAuditLogCsv } from "@/lib/server/admin/export-audit-log-csv";
import { AppError } from "@/lib/server/errors";
import { csvResponse } from "@/lib/server/http/csv-response";
import { jsonRoute } from "@/lib/server/http/json-route";
import { requireStaffIn } from "@/lib/server/staff/require-staff";

/**
 * The staff audit log as a CSV download, with the page's filters, for admins only (401 without a
 * full session, 403 for anyone else). The export is itself recorded in the log. Never cached.
 */
export const GET = jsonRoute(async (ctx, { request }) => {
  const staff = await requireStaffIn(ctx, "admin:audit");
  const filters = parseAuditLogFilters(new URL(request.url).searchParams);
  if (!filters.success)
    throw new AppError("BAD_REQUEST", "Invalid audit log filters.", { field: String(filters.error.issues[0]?.path[0] ?? "") });
  const body = await exportAuditLogCsv(ctx, { staff, filters: filters.data, locale: await getAppLocale() });
  const t = await getTranslations("staff.journal.csv");
  return csvResponse(body, t("fileName"), ctx.now());
});
