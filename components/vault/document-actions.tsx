"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useBinDocument, usePatchDocument, useRestoreDocument } from "@/lib/queries/documents/use-document-mutations";
import type { DocumentDetail } from "@/lib/vault/document-api";
import { useAnnounce } from "@/components/ui/live-region";
import { useErrorText } from "@/components/ui/use-error-text";

/** Pin, hide from professionals, move to the bin (or restore from it); each outcome is announced. */
export function DocumentActions({
  document,
  onBinned,
  onRestored,
}: {
  document: DocumentDetail;
  onBinned: () => void;
  onRestored: () => void;
}) {
  const t = useTranslations("documents.detail");
  const announce = useAnnounce();
  const errorText = useErrorText();
  const patch = usePatchDocument();
  const bin = useBinDocument();
  const restore = useRestoreDocument();
  const pending = patch.isPending || bin.isPending || restore.isPending;
  const error = patch.error ?? bin.error ?? restore.error;
  const onError = (failure: Error) => announce(errorText(failure));

  if (document.deletedAt) {
    return (
      <Button
        type="button"
        disabled={pending}
        onClick={() => restore.mutate(document.id, { onSuccess: () => (announce(t("restoredDone")), onRestored()), onError })}
      >
        {t("restore")}
      </Button>
    );
  }
  return (
    <section aria-labelledby="actions-title" className="space-y-3">
      <h2 id="actions-title" className="sr-only">
        {t("actions")}
      </h2>
      <div className="flex flex-wrap gap-3">
        <Button
          type="button"
          variant="secondary"
          className="aria-pressed:bg-brand aria-pressed:text-white"
          aria-pressed={document.pinned}
          disabled={pending}
          onClick={() =>
            patch.mutate(
              { id: document.id, patch: { pinned: !document.pinned } },
              { onSuccess: (next) => announce(next.pinned ? t("pinnedDone") : t("unpinnedDone")), onError },
            )
          }
        >
          {t("pin")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          className="aria-pressed:bg-brand aria-pressed:text-white"
          aria-pressed={document.hiddenFromProfessionals}
          disabled={pending}
          onClick={() =>
            patch.mutate(
              { id: document.id, patch: { hiddenFromProfessionals: !document.hiddenFromProfessionals } },
              { onSuccess: (next) => announce(next.hiddenFromProfessionals ? t("hiddenDone") : t("unhiddenDone")), onError },
            )
          }
        >
          {t("hide")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => bin.mutate(document.id, { onSuccess: () => (announce(t("binnedDone")), onBinned()), onError })}
        >
          {t("bin")}
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}
