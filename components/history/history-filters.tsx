"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DateRangeFilter, FilterForm, SelectFilter } from "@/components/ui/filter-form";
import type { HistoryAuthor, HistoryFilters as Filters } from "@/lib/history/history-api";
import { historyAuthorRoles, historyKinds } from "@/lib/history/history-options";

/** Author (others' tab only), kind and Paris days over the access history. */
export function HistoryFilters({
  filters,
  authors,
  onApply,
}: {
  filters: Filters;
  authors: HistoryAuthor[];
  onApply: (filters: Filters) => void;
}) {
  const t = useTranslations("history.filters");
  const tKinds = useTranslations("history.kinds");
  const [draft, setDraft] = useState<Filters>(filters);
  const set = (patch: Partial<Filters>) => setDraft((current) => ({ ...current, ...patch }));
  const emptied: Filters = { tab: filters.tab };

  return (
    <FilterForm
      titleId="history-filters-title"
      title={t("title")}
      headingLevel={2}
      applyLabel={t("apply")}
      resetLabel={t("reset")}
      onApply={() => onApply(draft)}
      onReset={() => {
        setDraft(emptied);
        onApply(emptied);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {filters.tab === "others" && (
          <SelectFilter
            id="history-author"
            label={t("author")}
            value={draft.author ?? ""}
            onChange={(value) => set({ author: value || undefined })}
          >
            <option value="">{t("anyAuthor")}</option>
            <optgroup label={t("byRole")}>
              {historyAuthorRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`authorRoles.${role}`)}
                </option>
              ))}
            </optgroup>
            {authors.length > 0 && (
              <optgroup label={t("byPerson")}>
                {authors.map((author) => (
                  <option key={author.id} value={author.id}>
                    {author.label}
                  </option>
                ))}
              </optgroup>
            )}
          </SelectFilter>
        )}
        <SelectFilter
          id="history-kind"
          label={t("kind")}
          value={draft.kind ?? ""}
          onChange={(value) => set({ kind: (value || undefined) as Filters["kind"] })}
        >
          <option value="">{t("anyKind")}</option>
          {historyKinds.map((kind) => (
            <option key={kind} value={kind}>
              {tKinds(kind)}
            </option>
          ))}
        </SelectFilter>
        <DateRangeFilter idPrefix="history" fromLabel={t("from")} toLabel={t("to")} from={draft.from} to={draft.to} onChange={set} />
      </div>
    </FilterForm>
  );
}
