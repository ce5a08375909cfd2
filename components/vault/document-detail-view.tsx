"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { ApiError } from "@/lib/queries/documents/api-error";
import { documentFileUrl } from "@/lib/queries/documents/document-keys";
import { useDocument } from "@/lib/queries/documents/use-document";
import { DocumentActions } from "./document-actions";
import { DocumentAddedBy } from "./document-added-by";
import { DocumentBadges } from "./document-badges";
import { useDates } from "@/components/ui/dates";
import { DocumentEditForm } from "./document-edit-form";
import { DocumentPreview } from "./document-preview";
import { DocumentReportForm } from "./document-report-form";
import { useErrorText } from "@/components/ui/use-error-text";

/** One document: who added it and when, its preview, download, actions, details and a way to report it. */
export function DocumentDetailView({ id }: { id: string }) {
  const t = useTranslations("documents");
  const tCategory = useTranslations("space.categories");
  const dates = useDates();
  const errorText = useErrorText();
  const query = useDocument(id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const binNoticeRef = useRef<HTMLDivElement>(null);
  // What should take focus once the page has re-rendered after binning or restoring: focusing in an
  // effect waits for the bin notice to exist (a requestAnimationFrame could run before that render).
  const [focusAfterChange, setFocusAfterChange] = useState<"binNotice" | "heading" | null>(null);
  const deletedAt = query.data?.deletedAt;
  useEffect(() => {
    const target = focusAfterChange === "binNotice" ? binNoticeRef.current : focusAfterChange === "heading" ? headingRef.current : null;
    if (!target || (focusAfterChange === "binNotice" && !deletedAt)) return;
    target.focus();
    setFocusAfterChange(null);
  }, [focusAfterChange, deletedAt]);

  const back = (
    <Link href="/documents" className="text-brand underline">
      {t("detail.back")}
    </Link>
  );
  if (query.isPending) return <p>{t("loading")}</p>;
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <FormAlert>{missing ? t("detail.notFound") : errorText(query.error)}</FormAlert>
        {back}
      </div>
    );
  }

  const document = query.data;
  return (
    <div className="space-y-10">
      <div className="space-y-3">
        {back}
        <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-bold break-words focus:outline-none">
          {document.title}
        </h1>
        <DocumentBadges document={document} />
        <p className="text-muted">
          {tCategory(document.category)} · {t("list.documentDate", { date: dates.day(document.documentDate) })}
        </p>
        <p className="text-muted" data-testid="added-by">
          <DocumentAddedBy document={document} />
        </p>
        {document.fileName && <p className="text-sm text-muted break-all">{t("detail.file", { fileName: document.fileName })}</p>}
        {document.hiddenFromProfessionals && <p className="text-sm">{t("detail.hiddenExplained")}</p>}
        {document.note && <p className="whitespace-pre-wrap rounded bg-surface p-3">{document.note}</p>}
      </div>

      {document.deletedAt && document.purgeAt && (
        <div
          ref={binNoticeRef}
          tabIndex={-1}
          className="space-y-3 rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3 focus:outline-none"
          data-testid="bin-notice"
        >
          <p>{t("detail.inBin", { binnedOn: dates.instant(document.deletedAt), purgeOn: dates.instant(document.purgeAt) })}</p>
        </div>
      )}

      <div className="flex flex-wrap items-start gap-3">
        <a
          href={documentFileUrl(document.id, { download: true })}
          download
          className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
          aria-label={t("detail.downloadNamed", { title: document.title })}
        >
          {t("detail.download")}
        </a>
        <DocumentActions
          document={document}
          // The page changes shape: focus goes to what now describes the document.
          onBinned={() => setFocusAfterChange("binNotice")}
          onRestored={() => setFocusAfterChange("heading")}
        />
      </div>

      <DocumentPreview document={document} />
      {!document.deletedAt && <DocumentEditForm document={document} />}
      <DocumentReportForm documentId={document.id} />
    </div>
  );
}
