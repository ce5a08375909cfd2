"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useDates } from "@/components/ui/dates";
import type { DocumentSummary } from "@/lib/vault/document-api";

/** Who added a document, as the professional reads it: "le patient", "Dr Bernard (Médecin)"… */
export function PatientDocumentAddedBy({ document }: { document: Pick<DocumentSummary, "authorKind" | "authorLabel" | "createdAt"> }) {
  const t = useTranslations("pro.documents");
  const dates = useDates();
  const author =
    document.authorKind === "PATIENT" ? t("authorKinds.PATIENT") : (document.authorLabel ?? t(`authorKinds.${document.authorKind}`));
  return <>{t("addedBy", { author, date: dates.instant(document.createdAt) })}</>;
}

/** A row of the patient's documents, read-only: title (a link to the document), category, dates, author. */
export function PatientDocumentRow({ patientId, document }: { patientId: string; document: DocumentSummary }) {
  const t = useTranslations("pro.documents");
  const tCategory = useTranslations("space.categories");
  const dates = useDates();
  return (
    <li className="px-4 py-3" data-testid="document-row">
      <p className="font-medium">
        <Link href={`/pro/patients/${patientId}/documents/${document.id}`} className="break-words text-brand underline hover:no-underline">
          {document.title}
        </Link>
      </p>
      <p className="text-sm text-muted">
        {tCategory(document.category)} · {t("documentDate", { date: dates.day(document.documentDate) })}
      </p>
      <p className="text-sm text-muted">
        <PatientDocumentAddedBy document={document} />
      </p>
    </li>
  );
}
