"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { UploadItem } from "./upload-item";
import { CategorySelect } from "./category-select";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { UploadSuggestion } from "./upload-suggestion";

type Props = {
  item: UploadItem;
  titleError?: string;
  /** Where the added document opens (the patient's own document page by default). */
  documentHref?: (documentId: string) => string;
  /** Who will read the note, when not the patient alone. */
  noteHint?: string;
  onChange: (patch: Partial<UploadItem>) => void;
  onRemove: () => void;
};

/** One file to add: its details while it waits, its progress bar, then what became of it. */
export function UploadRow({
  item,
  titleError,
  documentHref = (documentId) => `/documents/${documentId}`,
  noteHint,
  onChange,
  onRemove,
}: Props) {
  const t = useTranslations("documents.upload");
  const id = `upload-${item.key}`;
  const editable = item.status === "ready";
  const removable = item.status === "ready" || item.status === "failed";
  const percent = Math.round(item.progress * 100);
  return (
    <li className="rounded-lg border border-gray-300 p-4" data-testid="upload-row">
      <fieldset className="space-y-3" disabled={!editable}>
        <legend className="font-semibold break-all">{t("fileLegend", { fileName: item.file.name })}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="sm:col-span-3">
            <label htmlFor={`${id}-title`} className={labelClass}>
              {t("fileTitle")}
            </label>
            <input
              id={`${id}-title`}
              value={item.title}
              maxLength={200}
              required
              aria-invalid={titleError ? true : undefined}
              aria-describedby={titleError ? `${id}-title-error` : undefined}
              onChange={(event) => onChange({ title: event.target.value })}
              className={fieldClass}
            />
            {titleError && (
              <p id={`${id}-title-error`} className="mt-1 text-sm font-medium text-red-800">
                {titleError}
              </p>
            )}
          </div>
          <CategorySelect
            id={`${id}-category`}
            label={t("category")}
            value={item.category}
            onChange={(event) => onChange({ category: event.target.value as UploadItem["category"] })}
          />
          <div>
            <label htmlFor={`${id}-date`} className={labelClass}>
              {t("documentDate")}
            </label>
            <input
              id={`${id}-date`}
              type="date"
              required
              value={item.documentDate}
              onChange={(event) => onChange({ documentDate: event.target.value })}
              className={fieldClass}
            />
          </div>
          <div>
            <label htmlFor={`${id}-note`} className={labelClass}>
              {t("note")}
            </label>
            <input
              id={`${id}-note`}
              value={item.note}
              maxLength={2000}
              aria-describedby={`${id}-note-hint`}
              onChange={(event) => onChange({ note: event.target.value })}
              className={fieldClass}
            />
            <p id={`${id}-note-hint`} className="mt-1 text-xs text-muted">
              {noteHint ?? t("noteHint")}
            </p>
          </div>
        </div>
      </fieldset>

      <div className="mt-3 flex flex-wrap items-center gap-3">
        <progress
          id={`${id}-progress`}
          max={100}
          value={percent}
          aria-label={t("progress", { fileName: item.file.name })}
          className="h-3 w-full max-w-xs accent-brand"
        />
        <span className="text-sm" aria-hidden="true">
          {t("progressValue", { percent })}
        </span>
        <span className="text-sm text-muted">
          {item.status === "ready" && t("waiting")}
          {item.status === "sending" && t("sending")}
        </span>
        {removable && (
          <button
            type="button"
            onClick={onRemove}
            className="ml-auto rounded px-2 py-1 text-sm text-brand underline hover:bg-brand-light"
            aria-label={t("removeNamed", { fileName: item.file.name })}
          >
            {t("remove")}
          </button>
        )}
      </div>

      {item.status === "failed" && (
        <p className="mt-2 rounded border-l-4 border-red-700 bg-red-50 px-3 py-2 text-red-900" data-testid="upload-error">
          <span className="font-semibold">{t("failed")}</span> {item.error}
        </p>
      )}
      {item.status === "done" && item.result && (
        <div className="mt-2 space-y-2">
          <p className="text-green-900">
            <span className="font-semibold">{t("done")}</span>{" "}
            <Link href={documentHref(item.result.id)} className="text-brand underline">
              {t("open", { title: item.title })}
            </Link>
          </p>
          <UploadSuggestion item={item} onChange={onChange} />
        </div>
      )}
    </li>
  );
}
