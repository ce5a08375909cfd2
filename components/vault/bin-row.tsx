"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useDeleteDocument, useRestoreDocument } from "@/lib/queries/documents/use-document-mutations";
import type { DocumentSummary } from "@/lib/vault/document-api";
import { DocumentAddedBy } from "./document-added-by";
import { useDates } from "@/components/ui/dates";
import { useAnnounce } from "@/components/ui/live-region";
import { useErrorText } from "@/components/ui/use-error-text";

/** A binned document: when it went there, when it goes for good, Restore, and Delete after a confirmation. */
export function BinRow({ document, onGone }: { document: DocumentSummary; onGone: () => void }) {
  const t = useTranslations("documents.bin");
  const tCategory = useTranslations("space.categories");
  const dates = useDates();
  const announce = useAnnounce();
  const errorText = useErrorText();
  const restore = useRestoreDocument();
  const remove = useDeleteDocument();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const pending = restore.isPending || remove.isPending;
  const error = restore.error ?? remove.error;

  // Focus follows the confirmation step: onto "Oui, supprimer" when it opens, back when it is cancelled.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const onError = (failure: Error) => announce(errorText(failure));
  return (
    <li className="space-y-2 px-4 py-3" data-testid="bin-row">
      <p className="font-medium break-words">{document.title}</p>
      <p className="text-sm text-muted">
        {tCategory(document.category)} · <DocumentAddedBy document={document} />
      </p>
      <p className="text-sm">
        {document.deletedAt && t("binnedOn", { date: dates.instant(document.deletedAt) })}
        {document.purgeAt && <> · {t("purgeOn", { date: dates.instant(document.purgeAt) })}</>}
      </p>
      {confirming ? (
        <div
          className="space-y-2 rounded border-l-4 border-red-700 bg-red-50 px-3 py-2"
          role="group"
          aria-labelledby={`confirm-${document.id}`}
        >
          <p id={`confirm-${document.id}`} className="text-red-900">
            {t("confirmQuestion", { title: document.title })}
          </p>
          <div className="flex flex-wrap gap-3">
            <button
              ref={confirmRef}
              type="button"
              className="rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 disabled:opacity-60"
              disabled={pending}
              onClick={() =>
                remove.mutate(document.id, { onSuccess: () => (announce(t("deleted", { title: document.title })), onGone()), onError })
              }
            >
              {t("confirm")}
            </button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-3">
          <Button
            type="button"
            disabled={pending}
            aria-label={t("restoreNamed", { title: document.title })}
            onClick={() =>
              restore.mutate(document.id, { onSuccess: () => (announce(t("restored", { title: document.title })), onGone()), onError })
            }
          >
            {t("restore")}
          </Button>
          <button
            ref={deleteRef}
            type="button"
            disabled={pending}
            aria-label={t("deleteNamed", { title: document.title })}
            onClick={() => setConfirming(true)}
            className="rounded border border-red-800 px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
          >
            {t("delete")}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {errorText(error)}
        </p>
      )}
    </li>
  );
}
