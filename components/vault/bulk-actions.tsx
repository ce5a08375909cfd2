"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useBulkDocuments } from "@/lib/queries/documents/use-document-mutations";
import type { DocumentBulkInput } from "@/lib/vault/document-api";
import type { DocumentCategory } from "@/lib/generated/prisma/enums";
import { CategorySelect } from "./category-select";
import { useAnnounce } from "@/components/ui/live-region";
import { useErrorText } from "@/components/ui/use-error-text";

/** What can be done to several documents at once; shown while some are selected. */
export function BulkActions({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const t = useTranslations("documents.bulk");
  const announce = useAnnounce();
  const errorText = useErrorText();
  const bulk = useBulkDocuments();
  const [category, setCategory] = useState<DocumentCategory>("OTHER");

  const run = (input: DocumentBulkInput) =>
    bulk.mutate(input, {
      onSuccess: ({ updated }) => {
        announce(input.action === "bin" ? t("binned", { count: updated }) : t("done", { count: updated }));
        onDone();
      },
      onError: (error) => announce(errorText(error)),
    });

  return (
    <section
      aria-labelledby="bulk-title"
      className="space-y-3 rounded-lg border border-brand bg-brand-light p-4"
      data-testid="bulk-actions"
    >
      <h3 id="bulk-title" className="font-semibold">
        {t("title")} : {t("selected", { count: ids.length })}
      </h3>
      <div className="flex flex-wrap items-end gap-3">
        <CategorySelect
          id="bulk-category"
          label={t("category")}
          value={category}
          onChange={(event) => setCategory(event.target.value as DocumentCategory)}
        />
        <Button type="button" disabled={bulk.isPending} onClick={() => run({ action: "setCategory", ids, category })}>
          {t("setCategory")}
        </Button>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button
          type="button"
          variant="secondary"
          className="bg-white"
          disabled={bulk.isPending}
          onClick={() => run({ action: "hide", ids })}
        >
          {t("hide")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          className="bg-white"
          disabled={bulk.isPending}
          onClick={() => run({ action: "unhide", ids })}
        >
          {t("unhide")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          className="bg-white"
          disabled={bulk.isPending}
          onClick={() => run({ action: "bin", ids })}
        >
          {t("bin")}
        </Button>
        <Button type="button" variant="link" onClick={onDone}>
          {t("clear")}
        </Button>
      </div>
      {bulk.isError && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {errorText(bulk.error)}
        </p>
      )}
    </section>
  );
}
