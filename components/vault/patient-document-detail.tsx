"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useDates } from "@/components/ui/dates";
import { DocumentPreview } from "./document-preview";
import { documentFileUrl } from "@/lib/queries/documents/document-keys";
import type { DocumentSummary } from "@/lib/vault/document-api";
import { PatientDocumentAddedBy } from "./patient-document-row";

export type PatientDocumentView = Pick<
  DocumentSummary,
  "id" | "title" | "category" | "documentDate" | "authorKind" | "authorLabel" | "createdAt" | "mimeType"
> & {
  fileName: string | null;
};

/**
 * One of the patient's documents, read-only: what it is, who added it, its preview and download
 * (the same file route as the patient's, which asks the authorization module and writes the history).
 */
export function PatientDocumentDetail({ patientId, document }: { patientId: string; document: PatientDocumentView }) {
  const t = useTranslations("pro.document");
  const tDocuments = useTranslations("pro.documents");
  const tCategory = useTranslations("space.categories");
  const dates = useDates();
  return (
    <div className="space-y-10">
      <div className="space-y-3">
        <Link href={`/pro/patients/${patientId}`} className="text-brand underline">
          {t("back")}
        </Link>
        <h1 className="text-3xl font-bold break-words">{document.title}</h1>
        <p className="text-muted">
          {tCategory(document.category)} · {tDocuments("documentDate", { date: dates.day(document.documentDate) })}
        </p>
        <p className="text-muted" data-testid="added-by">
          <PatientDocumentAddedBy document={document} />
        </p>
        {document.fileName && <p className="text-sm text-muted break-all">{t("file", { fileName: document.fileName })}</p>}
        <p className="text-sm">{t("traced")}</p>
      </div>
      <a
        href={documentFileUrl(document.id, { download: true })}
        download
        className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
        aria-label={t("downloadNamed", { title: document.title })}
      >
        {t("download")}
      </a>
      <DocumentPreview document={document} />
    </div>
  );
}
