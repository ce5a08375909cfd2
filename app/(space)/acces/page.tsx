import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessRequestsSection } from "@/components/access/access-requests-section";
import { AlertSettingsForm } from "@/components/access/alert-settings-form";
import { BlocksSection } from "@/components/access/blocks-section";
import { EmergencySwitch } from "@/components/access/emergency-switch";
import { GrantsSection } from "@/components/access/grants-section";
import { ReceiptsSection } from "@/components/access/receipts-section";
import { TreatingDoctorSection } from "@/components/access/treating-doctor-section";
import { Section } from "@/components/ui/section";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { getAccessOverview } from "@/lib/server/consent/get-access-overview";
import { listGrantableDocuments } from "@/lib/server/consent/list-grantable-documents";
import { listReceipts } from "@/lib/server/consent/list-receipts";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access"))("title") };
}

export default async function AccessPage() {
  const patient = await requirePatientForPage("/acces");
  const t = await getTranslations("access");
  if (!patient) return <NotPatientNotice title={t("title")} />;
  const ctx = await signedInPageCtx();
  const [overview, receipts, documents, format] = await Promise.all([
    getAccessOverview(ctx, patient),
    listReceipts(ctx, patient),
    listGrantableDocuments(ctx, patient),
    getFormatter(),
  ]);
  const formDocuments = documents.map((document) => ({
    id: document.id,
    title: document.title,
    category: document.category,
    date: format.dateTime(document.documentDate, { dateStyle: "medium", timeZone: "UTC" }),
    hidden: document.hiddenFromProfessionals,
  }));

  return (
    <div className="space-y-12">
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
        <p>
          <Link href="/acces/professionnels" className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            {t("findProfessional")}
          </Link>
        </p>
      </div>

      <TreatingDoctorSection treatingDoctor={overview.treatingDoctor} />

      <Section id="emergency-title" title={t("emergency.title")} focusable>
        <p className="text-muted">{t("emergency.explain")}</p>
        <EmergencySwitch enabled={overview.emergencyAccessEnabled} />
      </Section>

      <Section id="alerts-title" title={t("alerts.title")} focusable>
        <AlertSettingsForm firstAccessByEmail={overview.alertFirstAccessByEmail} />
      </Section>

      <AccessRequestsSection requests={overview.pendingRequests} documents={formDocuments} />
      <GrantsSection grants={overview.grants} emergencyAccesses={overview.emergencyAccesses} />
      <BlocksSection blocks={overview.blocks} />
      <ReceiptsSection receipts={receipts} />
    </div>
  );
}
