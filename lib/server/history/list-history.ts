import "server-only";
import { historyListQuerySchema, type HistoryListQuery, type HistoryPage } from "@/lib/history/history-api";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { Db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/policy/policy";
import { decodeHistoryCursor, encodeHistoryCursor } from "./history-cursor";
import { professionalsOf, toHistoryEntryView } from "./history-entry-view";
import { queryHistoryRows } from "./query-history-rows";

type HistoryDb = Parameters<typeof authorizeHealth>[0] & Pick<Db, "$queryRaw" | "professional">;

/**
 * One page of a patient's history ("others" or "mine"), filtered, newest first, with keyset
 * pagination. Only the patient themself may read it (authorizeHealth refuses anyone else with
 * FORBIDDEN before a row is read). Each professional author's RPPS is looked up for the whole page.
 */
export async function listHistory(db: HistoryDb, { actor, patientId, query }: { actor: Actor; patientId: string; query: HistoryListQuery }): Promise<HistoryPage> {
  await authorizeHealth(db, actor, patientId, { kind: "history" }, "read");
  const { cursor, limit, ...filters } = historyListQuerySchema.parse(query);
  // One row more than asked says whether another page follows.
  const rows = await queryHistoryRows(db, { patientId, filters, after: cursor ? decodeHistoryCursor(cursor) : null, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const professionals = await professionalsOf(db, page);
  const last = page.at(-1);
  return {
    items: page.map((row) => toHistoryEntryView(row, professionals)),
    nextCursor: rows.length > limit && last ? encodeHistoryCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}
