"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useDates } from "@/components/ui/dates";
import { useProfessionalPatient, type ProfessionalPatientView as View } from "@/lib/queries/pro/use-professional-patient";
import { AccessRequestForm } from "./access-request-form";
import { AccessSummary } from "./access-summary";
import { EmergencyAccessForm } from "./emergency-access-form";
import { PatientIdentity } from "./patient-identity";

/** `documents`: the documents part (list and upload), which belongs to the vault. */
type Props = { patientId: string; initialView: View; emergencyHours: number; documents: ReactNode };

/**
 * A patient as a professional sees them: who they are, what the professional may do and why, the
 * documents they may read, adding one when allowed, and the ways to get access when they have none
 * (ask the patient, or break the glass for emergency staff). The server decides each of these.
 */
export function ProfessionalPatientView({ patientId, initialView, emergencyHours, documents }: Props) {
  const t = useTranslations("pro.patient");
  const dates = useDates();
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

      {documents}

      {!view.canRead && <AccessRequestForm patientId={patientId} pending={view.pendingRequest} />}

      {view.canBreakGlass && <EmergencyAccessForm patientId={patientId} hours={emergencyHours} />}
    </div>
  );
}
