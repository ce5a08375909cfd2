import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppForm } from "@/components/catalogue/app-form";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { createAppAction } from "../actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogue.curation"))("newTitle") };
}

/** A curator enters a service themselves (e.g. one the commission invited): the publisher's form. */
export default async function NewCatalogueAppPage() {
  await requireStaffForPage("/admin/catalogue/nouveau", "catalogue:curate");
  const t = await getTranslations("catalogue.curation");
  return (
    <ClientMessages namespaces={["catalogue", "space.categories"]}>
      <div className="space-y-8">
        <div className="space-y-3">
          <Link href="/admin/catalogue" className="text-brand underline">
            {t("backToQueue")}
          </Link>
          <h1 className="text-3xl font-bold">{t("newTitle")}</h1>
          <p className="text-muted">{t("newIntro")}</p>
        </div>
        <AppForm action={createAppAction} submitLabel={t("newSubmit")} successMessage={t("newSent")} />
      </div>
    </ClientMessages>
  );
}
