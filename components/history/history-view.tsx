"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useAnnounce } from "@/components/ui/live-region";
import type { HistoryAuthor, HistoryEntryView, HistoryFilters as Filters } from "@/lib/history/history-api";
import { historyTabs } from "@/lib/history/history-options";
import { ApiError } from "@/lib/queries/documents/api-error";
import { historyExportUrl, useHistoryList } from "@/lib/queries/history/use-history-list";
import { HistoryEntry } from "./history-entry";
import { HistoryFilters } from "./history-filters";
import { useHistoryFilters } from "./use-history-filters";

/**
 * The history page's interactive part: the two tabs (links that keep the filters, the current one
 * marked with aria-current), the filters, the entries page by page ("Charger plus") and the CSV export
 * of what the filters select. An entry an alert pointed at is shown first, highlighted.
 */
export function HistoryView({ authors, highlighted }: { authors: HistoryAuthor[]; highlighted: HistoryEntryView | null }) {
  const t = useTranslations("history");
  const announce = useAnnounce();
  const { filters, setFilters, hrefFor, key } = useHistoryFilters();
  const list = useHistoryList(filters);
  const announceWhenLoaded = useRef(false);
  const entries = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const filtered = !!(filters.author || filters.kind || filters.from || filters.to);

  useEffect(() => {
    if (announceWhenLoaded.current && list.isSuccess && !list.isFetching) {
      announceWhenLoaded.current = false;
      announce(t("list.updated", { count: entries.length }));
    }
  }, [announce, entries.length, list.isFetching, list.isSuccess, t]);

  function apply(next: Filters) {
    announceWhenLoaded.current = true;
    setFilters(next);
  }

  return (
    <div className="space-y-6">
      <nav aria-label={t("tabs.label")}>
        <ul className="flex flex-wrap gap-2 border-b border-gray-300">
          {historyTabs.map((tab) => {
            const current = filters.tab === tab;
            return (
              <li key={tab}>
                <Link
                  href={hrefFor({ ...filters, tab, author: undefined })}
                  aria-current={current ? "page" : undefined}
                  className={`-mb-px inline-block rounded-t border px-4 py-2 ${current ? "border-gray-300 border-b-white bg-white font-semibold text-ink" : "border-transparent text-brand underline hover:bg-brand-light"}`}
                >
                  {t(`tabs.${tab}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {highlighted && (
        <section aria-labelledby="highlighted-title" className="space-y-2">
          <h2 id="highlighted-title" className="text-xl font-semibold">
            {t("highlighted")}
          </h2>
          <ul className="rounded-lg border border-gray-300">
            <HistoryEntry entry={highlighted} highlighted withActions={!!highlighted.actor.professionalId} />
          </ul>
        </section>
      )}

      <HistoryFilters key={key} filters={filters} authors={authors} onApply={apply} />

      <section aria-labelledby="history-list-title" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="history-list-title" className="text-2xl font-semibold">
            {t(`tabs.${filters.tab}`)}
          </h2>
          <a
            href={historyExportUrl(filters)}
            download
            className="rounded border border-brand px-4 py-2 font-medium text-brand hover:bg-brand-light"
          >
            {t("export")}
          </a>
        </div>
        {list.isPending && <p>{t("loading")}</p>}
        {list.isError && (
          <FormAlert>
            <p>{list.error instanceof ApiError && list.error.message ? list.error.message : t("actionError")}</p>
            <Button type="button" variant="link" onClick={() => list.refetch()}>
              {t("retry")}
            </Button>
          </FormAlert>
        )}
        {list.isSuccess && (
          <>
            <p className="text-muted" data-testid="history-count">
              {t("list.count", { count: entries.length })}
            </p>
            {entries.length === 0 ? (
              <p>{filtered ? t("list.noMatch") : t("list.empty")}</p>
            ) : (
              <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300" aria-labelledby="history-list-title">
                {entries.map((entry) => (
                  <HistoryEntry key={entry.id} entry={entry} withActions={filters.tab === "others"} />
                ))}
              </ul>
            )}
            {list.hasNextPage && (
              <Button type="button" variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? t("list.loadingMore") : t("list.loadMore")}
              </Button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
