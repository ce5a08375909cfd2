"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CategorySelect } from "@/components/vault/category-select";
import { fieldClass, labelClass } from "@/components/vault/field-classes";
import type { ListFilters } from "@/components/vault/use-list-filters";
import { authorKinds, documentSorts } from "@/lib/vault/document-api";

/**
 * The patient's list filters as a professional uses them: the same search, category, author, dates
 * and order as the patient's, in the professional's words, without the patient's own pins. Applied
 * with one button (RGAA 7.5), kept in the address like the patient's.
 */
export function PatientDocumentFilters({ filters, onApply }: { filters: ListFilters; onApply: (filters: ListFilters) => void }) {
  const t = useTranslations("pro.documents.filters");
  const tSorts = useTranslations("documents.filters.sorts");
  const [draft, setDraft] = useState<ListFilters>(filters);
  const set = (patch: Partial<ListFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const emptied: ListFilters = { sort: "date_desc" };

  return (
    <form
      role="search"
      aria-labelledby="filters-title"
      className="space-y-4 rounded-lg border border-gray-300 bg-surface p-4"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ...draft, pinned: undefined, q: draft.q?.trim() || undefined });
      }}
    >
      <h3 id="filters-title" className="text-lg font-semibold">
        {t("title")}
      </h3>
      <div>
        <label htmlFor="filter-q" className={labelClass}>
          {t("q")}
        </label>
        <input id="filter-q" type="search" maxLength={200} value={draft.q ?? ""} onChange={(event) => set({ q: event.target.value })} className={fieldClass} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <CategorySelect id="filter-category" label={t("category")} anyLabel={t("any")} value={draft.category ?? ""} onChange={(event) => set({ category: (event.target.value || undefined) as ListFilters["category"] })} />
        <div>
          <label htmlFor="filter-author" className={labelClass}>
            {t("author")}
          </label>
          <select id="filter-author" value={draft.author ?? ""} onChange={(event) => set({ author: (event.target.value || undefined) as ListFilters["author"] })} className={fieldClass}>
            <option value="">{t("anyAuthor")}</option>
            {authorKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`authors.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-sort" className={labelClass}>
            {t("sort")}
          </label>
          <select id="filter-sort" value={draft.sort ?? "date_desc"} onChange={(event) => set({ sort: event.target.value as ListFilters["sort"] })} className={fieldClass}>
            {documentSorts.map((sort) => (
              <option key={sort} value={sort}>
                {tSorts(sort)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-from" className={labelClass}>
            {t("from")}
          </label>
          <input id="filter-from" type="date" value={draft.from ?? ""} max={draft.to} onChange={(event) => set({ from: event.target.value || undefined })} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="filter-to" className={labelClass}>
            {t("to")}
          </label>
          <input id="filter-to" type="date" value={draft.to ?? ""} min={draft.from} onChange={(event) => set({ to: event.target.value || undefined })} className={fieldClass} />
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit">{t("apply")}</Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setDraft(emptied);
            onApply(emptied);
          }}
        >
          {t("reset")}
        </Button>
      </div>
    </form>
  );
}
