"use client";
import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { useProfessionalPatient, type ProfessionalPatientView } from "@/lib/queries/pro/use-professional-patient";
import { DocumentUpload } from "./document-upload";
import { PatientDocumentList } from "./patient-document-list";

/**
 * A patient's documents as a professional sees them: the list they may read and the upload when they
 * may add. What they may do is read from the same query as the rest of the patient's page, so an
 * access granted or ended while the page is open shows here too.
 */
export function ProfessionalPatientDocuments({
  patientId,
  initialView,
  maxFileBytes,
}: {
  patientId: string;
  initialView: ProfessionalPatientView;
  maxFileBytes: number;
}) {
  const t = useTranslations("pro.patient");
  const tPro = useTranslations("pro");
  const { data: view } = useProfessionalPatient(patientId, initialView);
  return (
    <>
      {view.canRead && (
        <Suspense fallback={<p>{tPro("loading")}</p>}>
          <PatientDocumentList patientId={patientId} />
        </Suspense>
      )}

      {view.canAdd && (
        <div className="space-y-2">
          <p className="text-muted">{t("uploadIntro")}</p>
          <DocumentUpload
            maxFileBytes={maxFileBytes}
            patientId={patientId}
            documentHref={(documentId) => `/pro/patients/${patientId}/documents/${documentId}`}
            noteHint={t("noteHint")}
          />
        </div>
      )}
    </>
  );
}
