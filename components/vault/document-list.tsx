"use client";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useDocumentList } from "@/lib/queries/documents/use-document-list";
import { BulkActions } from "./bulk-actions";
import { DocumentFilters } from "./document-filters";
import { DocumentRow } from "./document-row";
import { useAnnounce } from "@/components/ui/live-region";
import { useErrorText } from "@/components/ui/use-error-text";
import { useListFilters, type ListFilters } from "./use-list-filters";

/**
 * The patient's documents: filters from the address, pages fetched on demand ("Charger plus"),
 * a selection for bulk actions. Uploads and edits invalidate the query, so the list follows them.
 */
export function DocumentList() {
  const t = useTranslations("documents");
  const announce = useAnnounce();
  const errorText = useErrorText();
  const { filters, setFilters, key } = useListFilters();
  const list = useDocumentList(filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const announceWhenLoaded = useRef(false);

  const documents = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const filtered = Object.entries(filters).some(([name, value]) => value && !(name === "sort" && value === "date_desc"));

  // Selection only keeps documents still shown (a bulk move to the bin, a new filter…).
  const visibleSelection = documents.filter((document) => selected.has(document.id)).map((document) => document.id);

  useEffect(() => {
    if (announceWhenLoaded.current && list.isSuccess && !list.isFetching) {
      announceWhenLoaded.current = false;
      announce(t("list.updated", { count: documents.length }));
    }
  }, [announce, documents.length, list.isFetching, list.isSuccess, t]);

  function apply(next: ListFilters) {
    announceWhenLoaded.current = true;
    setSelected(new Set());
    setFilters(next);
  }

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section aria-labelledby="list-title" className="space-y-4">
      <h2 id="list-title" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
        {t("list.title")}
      </h2>
      <DocumentFilters key={key} filters={filters} onApply={apply} />

      {list.isPending && <p>{t("loading")}</p>}
      {list.isError && (
        <FormAlert>
          <p>{errorText(list.error)}</p>
          <Button type="button" variant="link" onClick={() => list.refetch()}>
            {t("retry")}
          </Button>
        </FormAlert>
      )}
      {list.isSuccess && (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-muted" data-testid="list-count">
              {t("list.count", { count: documents.length })}
            </p>
            {documents.length > 0 && (
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  checked={visibleSelection.length === documents.length}
                  onChange={(event) => setSelected(event.target.checked ? new Set(documents.map((document) => document.id)) : new Set())}
                />
                {t("list.selectAll")}
              </label>
            )}
          </div>
          {visibleSelection.length > 0 && (
            <BulkActions
              ids={visibleSelection}
              onDone={() => {
                setSelected(new Set());
                headingRef.current?.focus();
              }}
            />
          )}
          {documents.length === 0 ? (
            <p>{filtered ? t("list.noMatch") : t("list.empty")}</p>
          ) : (
            <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300" aria-labelledby="list-title">
              {documents.map((document) => (
                <DocumentRow
                  key={document.id}
                  document={document}
                  selected={selected.has(document.id)}
                  onSelect={(on) => toggle(document.id, on)}
                />
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
  );
}
