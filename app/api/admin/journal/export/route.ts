import { getTranslations } from "next-intl/server";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { contentDisposition } from "@/lib/vault/content-disposition";
import { parseAuditLogFilters } from "@/lib/server/admin/audit-log-filters";
import { exportAuditLogCsv } from "@/lib/server/admin/export-audit-log-csv";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http/json-route";
import { contextFromHeaders } from "@/lib/server/request-context";
import { requireStaff } from "@/lib/server/staff/require-staff";

/**
 * The staff audit log as a CSV download, with the page's filters, for admins only (401 without a
 * full session, 403 for anyone else). The export is itself recorded in the log. Never cached.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const staff = await requireStaff("admin:audit");
    const filters = parseAuditLogFilters(new URL(request.url).searchParams);
    if (!filters.success)
      throw new AppError("BAD_REQUEST", "Invalid audit log filters.", { field: String(filters.error.issues[0]?.path[0] ?? "") });
    const locale = await getAppLocale();
    const body = await exportAuditLogCsv(getDb(), {
      staff,
      filters: filters.data,
      locale: locale,
      ipAddress: contextFromHeaders(request.headers).ip,
    });
    const t = await getTranslations("staff.journal.csv");
    const fileName = `${t("fileName")}-${new Date().toISOString().slice(0, 10)}.csv`;
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(fileName, "attachment"),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
