import { getTranslations } from "next-intl/server";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { parseHistoryQuery } from "@/lib/history/history-api";
import { contentDisposition } from "@/lib/vault/content-disposition";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { exportHistoryCsv } from "@/lib/server/history/export-history-csv";
import { jsonRoute } from "@/lib/server/http/json-route";

/**
 * The signed-in patient's history as a CSV download (the same filters as the list, every page),
 * in their language, never cached.
 */
export const GET = jsonRoute(async ({ actor, actor: { userId } }, { request }) => {
  const query = parseHistoryQuery(new URL(request.url).searchParams);
  if (!query.success) throw new AppError("BAD_REQUEST", "Invalid history query.", { field: String(query.error.issues[0]?.path[0] ?? "") });
  const locale = await getAppLocale();
  const body = await exportHistoryCsv(getDb(), { actor, patientId: userId, query: query.data, locale: locale });
  const t = await getTranslations("history.csv");
  const fileName = `${t("fileName")}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(fileName, "attachment"),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
