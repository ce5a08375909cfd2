import { parseHistoryQuery } from "@/lib/history/history-api";
import { AppError } from "@/lib/server/errors";
import { listHistory } from "@/lib/server/history/list-history";
import { jsonRoute } from "@/lib/server/http/json-route";

/** A page of the signed-in patient's access history: tab, filters and keyset cursor in the query string. */
export const GET = jsonRoute(async (ctx, { request }) => {
  const query = parseHistoryQuery(new URL(request.url).searchParams);
  if (!query.success) throw new AppError("BAD_REQUEST", "Invalid history query.", { field: String(query.error.issues[0]?.path[0] ?? "") });
  return listHistory(ctx, { patientId: ctx.actor.userId, query: query.data });
});
