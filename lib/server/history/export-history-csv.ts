import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/generated/prisma/client";
import { parisDay } from "@/lib/consent/paris-date";
import { professionLabels } from "@/lib/directory/professions";
import { csvRecord, UTF8_BOM } from "@/lib/history/csv";
import { describeEntrySubject, describeEntryWhat, type EntryText } from "@/lib/history/describe-history-entry";
import { historyListQuerySchema, type HistoryEntryView, type HistoryListQuery } from "@/lib/history/history-api";
import { parisTimestamp } from "@/lib/history/paris-time";
import { messages } from "@/lib/i18n/messages";
import { uncheckedTranslator } from "@/lib/i18n/unchecked-translator";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { isDocumentCategory } from "@/lib/vault/document-categories";
import { professionalsOf, toHistoryEntryView } from "./history-entry-view";
import { queryHistoryRows } from "./query-history-rows";

const PAGE_SIZE = 500;

/**
 * Every entry the filters select (cursor and limit ignored), as a CSV stream in the patient's
 * language: read page by page along the keyset, so a history of any length costs one page of memory,
 * and only when the client pulls. Authorized before the stream is made, so a refusal is a plain
 * 403 rather than a broken download.
 */
export async function exportHistoryCsv(
  { db, actor }: SignedInCtx,
  { patientId, query, locale }: { patientId: string; query: HistoryListQuery; locale: Locale },
): Promise<ReadableStream<Uint8Array>> {
  await authorizeHealth(db, actor, patientId, { kind: "history" }, "read");
  const { cursor: _cursor, limit: _limit, ...filters } = historyListQuerySchema.parse(query);
  // Entry kinds and detail names come from the stored entries: describeHistoryEntry asks has() first.
  const t = uncheckedTranslator({ locale, messages: messages[locale], namespace: "history" });
  const categories = createTranslator({ locale, messages: messages[locale], namespace: "space.categories" });
  const directory = createTranslator({ locale, messages: messages[locale], namespace: "directory" });
  const text: EntryText = {
    t,
    has: t.has,
    category: (category) => (isDocumentCategory(category) ? categories(category) : category),
    profession: (label) => professionLabels((key) => directory(key), { profession: label }).profession,
    day: (iso) => parisDay(new Date(iso)),
  };
  const encoder = new TextEncoder();
  let after: { createdAt: Date; id: string } | null = null;
  let started = false;

  const record = (entry: HistoryEntryView) =>
    csvRecord([
      parisTimestamp(new Date(entry.at)),
      entry.actor.label,
      entry.actor.role ? t(`roles.${entry.actor.role}`) : t("roles.none"),
      entry.actor.rpps,
      t(`actions.${entry.action}`),
      describeEntrySubject(entry, text),
      describeEntryWhat(entry, text),
      entry.basis ? t(`bases.${entry.basis}`) : "",
      entry.reason,
      entry.ipAddress,
    ]);

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const h = (key: string) => t(`csv.headers.${key}`);
        controller.enqueue(
          encoder.encode(
            UTF8_BOM + csvRecord(["when", "who", "role", "identifier", "action", "concerns", "what", "why", "reason", "from"].map(h)),
          ),
        );
      }
      const rows = await queryHistoryRows(db, { patientId, filters, after, limit: PAGE_SIZE });
      const professionals = await professionalsOf(db, rows);
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((row) => record(toHistoryEntryView(row, professionals))).join("")));
      const last = rows.at(-1);
      if (rows.length < PAGE_SIZE || !last) controller.close();
      else after = { createdAt: last.createdAt, id: last.id };
    },
  });
}
