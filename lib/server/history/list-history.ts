import "server-only";
import { historyListQuerySchema, type HistoryListQuery, type HistoryPage } from "@/lib/history/history-api";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { historyPaging } from "./history-cursor";
import { professionalsOf, toHistoryEntryView } from "./history-entry-view";
import { queryHistoryRows } from "./query-history-rows";

/**
 * One page of a patient's history ("others" or "mine"), filtered, newest first, with keyset
 * pagination. Only the patient themself may read it (authorizeHealth refuses anyone else with
 * FORBIDDEN before a row is read). Each professional author's RPPS is looked up for the whole page.
 */
export async function listHistory(
  { db, actor }: SignedInCtx,
  { patientId, query }: { patientId: string; query: HistoryListQuery },
): Promise<HistoryPage> {
  await authorizeHealth(db, actor, patientId, { kind: "history" }, "read");
  const { cursor, limit, ...filters } = historyListQuerySchema.parse(query);
  const position = historyPaging.decode(cursor);
  const rows = await queryHistoryRows(db, {
    patientId,
    filters,
    after: position && { createdAt: position.key, id: position.id },
    limit: historyPaging.take(limit),
  });
  const { items, nextCursor } = historyPaging.page(rows, limit, (row) => row.createdAt);
  const professionals = await professionalsOf(db, items);
  return { items: items.map((row) => toHistoryEntryView(row, professionals)), nextCursor };
}
