"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { usePatchDocument } from "@/lib/queries/documents/use-document-mutations";
import { CategorySelect } from "./category-select";
import { useDates } from "@/components/ui/dates";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { differingSuggestion, type UploadItem } from "./upload-item";
import { useAnnounce } from "@/components/ui/live-region";
import { useErrorText } from "@/components/ui/use-error-text";

/**
 * After a PDF is added: the category and date its text suggests, when they differ from the patient's
 * choice, in fields that start from the suggestion (not from "Autre" and today) and that the patient
 * may still correct. Nothing changes unless the patient applies them.
 */
export function UploadSuggestion({ item, onChange }: { item: UploadItem; onChange: (patch: Partial<UploadItem>) => void }) {
  const suggestion = differingSuggestion(item);
  if (item.suggestion === "applied") return <SuggestionApplied />;
  if (item.suggestion === "kept" || !suggestion || !item.result) return null;
  return <SuggestionForm item={item} suggestion={suggestion} documentId={item.result.id} onChange={onChange} />;
}

function SuggestionApplied() {
  const t = useTranslations("documents.upload.suggestion");
  return <p className="text-sm">{t("applied")}</p>;
}

type Suggestion = NonNullable<ReturnType<typeof differingSuggestion>>;

function SuggestionForm({
  item,
  suggestion,
  documentId,
  onChange,
}: {
  item: UploadItem;
  suggestion: Suggestion;
  documentId: string;
  onChange: (patch: Partial<UploadItem>) => void;
}) {
  const t = useTranslations("documents.upload.suggestion");
  const tUpload = useTranslations("documents.upload");
  const tCategory = useTranslations("space.categories");
  const [category, setCategory] = useState(suggestion.category ?? item.category);
  const [documentDate, setDocumentDate] = useState(suggestion.documentDate ?? item.documentDate);
  const id = `upload-${item.key}-suggested`;
  const dates = useDates();
  const announce = useAnnounce();
  const patch = usePatchDocument();
  const errorText = useErrorText();
  // Only what differs from the document as sent, so "apply" never rewrites a field for nothing.
  const chosen = {
    ...(category !== item.category && { category }),
    ...(documentDate && documentDate !== item.documentDate && { documentDate }),
  };

  return (
    <div className="rounded border-l-4 border-brand bg-brand-light px-3 py-2" data-testid="upload-suggestion">
      <p>{t("intro")}</p>
      <ul className="ml-5 list-disc">
        {suggestion.category && <li>{t("category", { category: tCategory(suggestion.category) })}</li>}
        {suggestion.documentDate && <li>{t("date", { date: dates.day(suggestion.documentDate) })}</li>}
      </ul>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <CategorySelect
          id={`${id}-category`}
          label={tUpload("category")}
          value={category}
          onChange={(event) => setCategory(event.target.value as UploadItem["category"])}
        />
        <div>
          <label htmlFor={`${id}-date`} className={labelClass}>
            {tUpload("documentDate")}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            required
            value={documentDate}
            onChange={(event) => setDocumentDate(event.target.value)}
            className={fieldClass}
          />
        </div>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          type="button"
          disabled={patch.isPending}
          onClick={() => {
            if (Object.keys(chosen).length === 0) {
              onChange({ suggestion: "kept" });
              announce(t("kept"));
              return;
            }
            patch.mutate(
              { id: documentId, patch: chosen },
              {
                onSuccess: () => {
                  onChange({ suggestion: "applied", ...chosen });
                  announce(t("applied"));
                },
                onError: (error) => announce(errorText(error)),
              },
            );
          }}
        >
          {t("apply")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            onChange({ suggestion: "kept" });
            announce(t("kept"));
          }}
        >
          {t("keep")}
        </Button>
      </div>
      {patch.isError && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {errorText(patch.error)}
        </p>
      )}
    </div>
  );
}
