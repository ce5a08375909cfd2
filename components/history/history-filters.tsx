"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldClass, labelClass } from "@/components/vault/field-classes";
import { historyAuthorRoles, historyKinds, type HistoryAuthor, type HistoryFilters as Filters } from "@/lib/history/history-api";

/**
 * Author, kind and dates, applied together with one button (a select that reloads the list on change
 * would move a screen-reader user's context without warning, RGAA 7.5).
 */
export function HistoryFilters({ filters, authors, onApply }: { filters: Filters; authors: HistoryAuthor[]; onApply: (filters: Filters) => void }) {
  const t = useTranslations("history.filters");
  const tKinds = useTranslations("history.kinds");
  const [draft, setDraft] = useState<Filters>(filters);
  const set = (patch: Partial<Filters>) => setDraft((current) => ({ ...current, ...patch }));
  const emptied: Filters = { tab: filters.tab };

  return (
    <form
      role="search"
      aria-labelledby="history-filters-title"
      className="space-y-4 rounded-lg border border-gray-300 bg-surface p-4"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <h2 id="history-filters-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {filters.tab === "others" && (
          <div>
            <label htmlFor="history-author" className={labelClass}>
              {t("author")}
            </label>
            <select id="history-author" value={draft.author ?? ""} onChange={(event) => set({ author: event.target.value || undefined })} className={fieldClass}>
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
            </select>
          </div>
        )}
        <div>
          <label htmlFor="history-kind" className={labelClass}>
            {t("kind")}
          </label>
          <select id="history-kind" value={draft.kind ?? ""} onChange={(event) => set({ kind: (event.target.value || undefined) as Filters["kind"] })} className={fieldClass}>
            <option value="">{t("anyKind")}</option>
            {historyKinds.map((kind) => (
              <option key={kind} value={kind}>
                {tKinds(kind)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="history-from" className={labelClass}>
            {t("from")}
          </label>
          <input id="history-from" type="date" value={draft.from ?? ""} max={draft.to} onChange={(event) => set({ from: event.target.value || undefined })} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="history-to" className={labelClass}>
            {t("to")}
          </label>
          <input id="history-to" type="date" value={draft.to ?? ""} min={draft.from} onChange={(event) => set({ to: event.target.value || undefined })} className={fieldClass} />
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
