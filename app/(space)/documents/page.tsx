import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DocumentList } from "@/components/vault/document-list";
import { DocumentUpload } from "@/components/vault/document-upload";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { getConfig } from "@/lib/server/config";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("title") };
}

export default async function DocumentsPage() {
  const patient = await requirePatientForPage("/documents");
  const t = await getTranslations("documents");
  if (!patient) return <NotPatientNotice title={t("title")} />;
  return (
    <ClientMessages namespaces={["documents", "pro.documents.filters", "space.categories", "vault.refusal"]}>
      <div className="space-y-10">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="space-y-2">
            <h1 className="text-3xl font-bold">{t("title")}</h1>
            <p className="text-muted">{t("intro")}</p>
          </div>
          <Link href="/documents/corbeille" className="rounded px-3 py-1.5 text-brand underline hover:bg-brand-light">
            {t("binLink")}
          </Link>
        </div>
        <DocumentUpload maxFileBytes={getConfig().vaultMaxFileBytes} />
        {/* The list reads its filters from the address (useSearchParams). */}
        <Suspense fallback={<p>{t("loading")}</p>}>
          <DocumentList />
        </Suspense>
      </div>
    </ClientMessages>
  );
}
