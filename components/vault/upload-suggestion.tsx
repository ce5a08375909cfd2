"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { usePatchDocument } from "@/lib/queries/documents/use-document-mutations";
import { useVaultDates } from "./document-dates";
import { differingSuggestion, type UploadItem } from "./upload-item";
import { useAnnounce } from "./live-announcer";
import { useErrorText } from "./use-error-text";

/**
 * After a PDF is added: the category and date its text suggests, when they differ from the patient's
 * choice. Nothing changes unless the patient applies them.
 */
export function UploadSuggestion({ item, onChange }: { item: UploadItem; onChange: (patch: Partial<UploadItem>) => void }) {
  const t = useTranslations("documents.upload.suggestion");
  const tCategory = useTranslations("space.categories");
  const dates = useVaultDates();
  const announce = useAnnounce();
  const patch = usePatchDocument();
  const errorText = useErrorText();
  const suggestion = differingSuggestion(item);

  if (item.suggestion === "applied") return <p className="text-sm">{t("applied")}</p>;
  if (item.suggestion === "kept" || !suggestion || !item.result) return null;
  const documentId = item.result.id;

  return (
    <div className="rounded border-l-4 border-brand bg-brand-light px-3 py-2" data-testid="upload-suggestion">
      <p>{t("intro")}</p>
      <ul className="ml-5 list-disc">
        {suggestion.category && <li>{t("category", { category: tCategory(suggestion.category) })}</li>}
        {suggestion.documentDate && <li>{t("date", { date: dates.day(suggestion.documentDate) })}</li>}
      </ul>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          type="button"
          disabled={patch.isPending}
          onClick={() =>
            patch.mutate(
              { id: documentId, patch: suggestion },
              {
                onSuccess: () => {
                  onChange({ suggestion: "applied", ...suggestion });
                  announce(t("applied"));
                },
                onError: (error) => announce(errorText(error)),
              },
            )
          }
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
