import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProfessionalPatientView } from "@/components/pro/professional-patient-view";
import { ProfessionalPatientDocuments } from "@/components/vault/professional-patient-documents";
import { getConfig } from "@/lib/server/config";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { EMERGENCY_ACCESS_HOURS } from "@/lib/server/professional/break-glass";
import { patientForProfessional } from "@/lib/server/professional/patient-for-professional";
import { orNotFound, requireProfessionalForPage } from "../../require-professional";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  // The patient's name stays out of the tab's title (and of history and bookmarks).
  return { title: (await getTranslations("pro"))("title") };
}

export default async function ProfessionalPatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  await requireProfessionalForPage(`/pro/patients/${encodeURIComponent(patientId)}`);
  // Unknown, not a patient, or a patient who blocked this professional: the same 404.
  const view = await orNotFound(patientForProfessional(await signedInPageCtx(), { patientId }));
  return (
    <ClientMessages
      namespaces={[
        "documents.actionError",
        "documents.filters",
        "documents.upload",
        "identity",
        "pro.documents",
        "pro.emergency",
        "pro.loading",
        "pro.patient",
        "pro.request",
        "pro.retry",
        "space.categories",
        "vault.refusal",
      ]}
    >
      <ProfessionalPatientView
        patientId={patientId}
        initialView={view}
        emergencyHours={EMERGENCY_ACCESS_HOURS}
        documents={<ProfessionalPatientDocuments patientId={patientId} initialView={view} maxFileBytes={getConfig().vaultMaxFileBytes} />}
      />
    </ClientMessages>
  );
}
