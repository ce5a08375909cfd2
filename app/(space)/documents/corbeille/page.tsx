import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BinList } from "@/components/vault/bin-list";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";
import { BIN_RETENTION_DAYS } from "@/lib/vault/document-api";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents.bin"))("title") };
}

export default async function BinPage() {
  const patient = await requirePatientForPage("/documents/corbeille");
  const t = await getTranslations("documents");
  if (!patient) return <NotPatientNotice title={t("bin.title")} />;
  return (
    <ClientMessages namespaces={["documents.actionError", "documents.bin", "documents.list", "documents.loading", "space.categories"]}>
      <div className="space-y-8">
        <div className="space-y-3">
          <Link href="/documents" className="text-brand underline">
            {t("bin.backToDocuments")}
          </Link>
          <h1 className="text-3xl font-bold">{t("bin.title")}</h1>
          <p>{t("bin.intro", { days: BIN_RETENTION_DAYS })}</p>
        </div>
        <BinList />
      </div>
    </ClientMessages>
  );
}
