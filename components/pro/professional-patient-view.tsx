"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { useVaultDates } from "@/components/vault/document-dates";
import { DocumentUpload } from "@/components/vault/document-upload";
import { useProfessionalPatient, type ProfessionalPatientView as View } from "@/lib/queries/pro/use-professional-patient";
import { AccessRequestForm } from "./access-request-form";
import { AccessSummary } from "./access-summary";
import { EmergencyAccessForm } from "./emergency-access-form";
import { PatientIdentity } from "./patient-identity";
import { PatientDocumentList } from "./patient-document-list";

type Props = { patientId: string; initialView: View; maxFileBytes: number; emergencyHours: number };

/**
 * A patient as a professional sees them: who they are, what the professional may do and why, the
 * documents they may read, adding one when allowed, and the ways to get access when they have none
 * (ask the patient, or break the glass for emergency staff). The server decides each of these.
 */
export function ProfessionalPatientView({ patientId, initialView, maxFileBytes, emergencyHours }: Props) {
  const t = useTranslations("pro.patient");
  const tPro = useTranslations("pro");
  const dates = useVaultDates();
  const { data: view } = useProfessionalPatient(patientId, initialView);
  const { patient } = view;

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <Link href="/pro" className="text-brand underline">
          {t("back")}
        </Link>
        <h1 className="text-3xl font-bold">
          {patient.firstName} {patient.lastName}
        </h1>
        {patient.birthDate && <p className="text-muted">{t("bornOn", { date: dates.day(patient.birthDate) })}</p>}
      </div>

      <AccessSummary view={view} />

      <PatientIdentity patientId={patientId} identity={view.identity} />

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

      {!view.canRead && <AccessRequestForm patientId={patientId} pending={view.pendingRequest} />}

      {view.canBreakGlass && <EmergencyAccessForm patientId={patientId} hours={emergencyHours} />}
    </div>
  );
}
