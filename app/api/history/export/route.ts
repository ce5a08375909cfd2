import { getTranslations } from "next-intl/server";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { parseHistoryQuery } from "@/lib/history/history-api";
import { AppError } from "@/lib/server/errors";
import { exportHistoryCsv } from "@/lib/server/history/export-history-csv";
import { csvResponse } from "@/lib/server/http/csv-response";
import { jsonRoute } from "@/lib/server/http/json-route";

/**
 * The signed-in patient's history as a CSV download (the same filters as the list, every page),
 * in their language, never cached.
 */
export const GET = jsonRoute(async (ctx, { request }) => {
  const query = parseHistoryQuery(new URL(request.url).searchParams);
  if (!query.success) throw new AppError("BAD_REQUEST", "Invalid history query.", { field: String(query.error.issues[0]?.path[0] ?? "") });
  const body = await exportHistoryCsv(ctx, { patientId: ctx.actor.userId, query: query.data, locale: await getAppLocale() });
  const t = await getTranslations("history.csv");
  return csvResponse(body, t("fileName"), ctx.now());
});
