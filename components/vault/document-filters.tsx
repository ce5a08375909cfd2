"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DateRangeFilter, FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { authorKinds, documentSorts } from "@/lib/vault/document-options";
import { CategorySelect } from "./category-select";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import type { ListFilters } from "./use-list-filters";

/**
 * Search, category, author, dates and order over a patient's documents, kept in the address. The
 * patient also filters by their own pins; a professional (`forProfessional`) reads the same filters in
 * their words, without the patient's pins.
 */
export function DocumentFilters({
  filters,
  onApply,
  forProfessional = false,
}: {
  filters: ListFilters;
  onApply: (filters: ListFilters) => void;
  forProfessional?: boolean;
}) {
  const tPatient = useTranslations("documents.filters");
  const tProfessional = useTranslations("pro.documents.filters");
  const t = (forProfessional ? tProfessional : tPatient) as typeof tProfessional;
  const [draft, setDraft] = useState<ListFilters>(filters);
  const set = (patch: Partial<ListFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const emptied: ListFilters = { sort: "date_desc" };

  return (
    <FilterForm
      titleId="filters-title"
      title={t("title")}
      applyLabel={t("apply")}
      resetLabel={t("reset")}
      onApply={() => onApply({ ...draft, ...(forProfessional ? { pinned: undefined } : {}), q: draft.q?.trim() || undefined })}
      onReset={() => {
        setDraft(emptied);
        onApply(emptied);
      }}
    >
      <div>
        <label htmlFor="filter-q" className={labelClass}>
          {t("q")}
        </label>
        <input
          id="filter-q"
          type="search"
          maxLength={200}
          value={draft.q ?? ""}
          onChange={(event) => set({ q: event.target.value })}
          className={fieldClass}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <CategorySelect
          id="filter-category"
          label={t("category")}
          anyLabel={t("any")}
          value={draft.category ?? ""}
          onChange={(event) => set({ category: (event.target.value || undefined) as ListFilters["category"] })}
        />
        <SelectFilter
          id="filter-author"
          label={t("author")}
          value={draft.author ?? ""}
          onChange={(value) => set({ author: (value || undefined) as ListFilters["author"] })}
        >
          <option value="">{t("anyAuthor")}</option>
          {authorKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`authors.${kind}`)}
            </option>
          ))}
        </SelectFilter>
        <SelectFilter
          id="filter-sort"
          label={t("sort")}
          value={draft.sort ?? "date_desc"}
          onChange={(value) => set({ sort: value as ListFilters["sort"] })}
        >
          {documentSorts.map((sort) => (
            <option key={sort} value={sort}>
              {tPatient(`sorts.${sort}`)}
            </option>
          ))}
        </SelectFilter>
        <DateRangeFilter idPrefix="filter" fromLabel={t("from")} toLabel={t("to")} from={draft.from} to={draft.to} onChange={set} />
        {!forProfessional && (
          <div className="flex items-end">
            <label className="flex items-center gap-2 py-2">
              <input
                type="checkbox"
                checked={draft.pinned === "true"}
                onChange={(event) => set({ pinned: event.target.checked ? "true" : undefined })}
                className="h-5 w-5"
              />
              {tPatient("pinnedOnly")}
            </label>
          </div>
        )}
      </div>
    </FilterForm>
  );
}
