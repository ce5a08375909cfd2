import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PatientDocumentDetail } from "@/components/vault/patient-document-detail";
import { getDb } from "@/lib/server/db";
import { findDocumentFor } from "@/lib/server/documents/find-owned-document";
import { orNotFound, requireProfessionalForPage } from "../../../../require-professional";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  // The title is health data: it stays out of the tab's name.
  return { title: (await getTranslations("pro"))("title") };
}

export default async function ProfessionalDocumentPage({ params }: { params: Promise<{ patientId: string; documentId: string }> }) {
  const { patientId, documentId } = await params;
  const { actor } = await requireProfessionalForPage(
    `/pro/patients/${encodeURIComponent(patientId)}/documents/${encodeURIComponent(documentId)}`,
  );
  // The authorization module decides (hidden, out of scope, revoked: 404 like a missing id); the
  // address must also name the document's own patient.
  const { document } = await orNotFound(findDocumentFor(getDb(), actor, documentId, "read"));
  if (document.ownerId !== patientId) notFound();
  return (
    <ClientMessages namespaces={["documents.detail", "pro.document", "pro.documents", "space.categories"]}>
      <PatientDocumentDetail
        patientId={patientId}
        document={{
          id: document.id,
          title: document.title,
          category: document.category,
          documentDate: document.documentDate.toISOString().slice(0, 10),
          authorKind: document.authorKind,
          authorLabel: document.authorLabel,
          createdAt: document.createdAt.toISOString(),
          mimeType: document.mimeType,
          fileName: document.fileName,
        }}
      />
    </ClientMessages>
  );
}
