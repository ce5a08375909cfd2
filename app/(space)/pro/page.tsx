import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FindPatientForm } from "@/components/pro/find-patient-form";
import { professionLabels } from "@/lib/directory/professions";
import { requireProfessionalForPage } from "./require-professional";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pro"))("title") };
}

export default async function ProfessionalSpacePage() {
  const { professional } = await requireProfessionalForPage("/pro");
  const [t, tDirectory] = await Promise.all([getTranslations("pro"), getTranslations("directory")]);
  return (
    <ClientMessages namespaces={["documents.actionError", "pro.find"]}>
      <div className="space-y-10">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="text-muted">
            {t("signedInAs", {
              name: `${professional.firstName} ${professional.lastName}`,
              profession: professionLabels(tDirectory, professional).profession,
              rpps: professional.rpps,
            })}
          </p>
          {professional.emergencyStaff && <p>{t("emergencyStaff")}</p>}
        </div>
        <FindPatientForm />
      </div>
    </ClientMessages>
  );
}
