import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppForm } from "@/components/catalogue/app-form";
import { LiveRegion } from "@/components/ui/live-region";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { proposeAppAction } from "../actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogue.propose"))("title") };
}

/** A publisher proposes a service: signed in with both factors, so that a proposal has an accountable author. */
export default async function ProposeAppPage() {
  await requireFullSessionForPage("/catalogue/proposer");
  const t = await getTranslations("catalogue");
  return (
    <ClientMessages namespaces={["catalogue", "space.categories"]}>
      <LiveRegion>
        <div className="space-y-8">
          <div className="space-y-3">
            <Link href="/catalogue" className="text-brand underline">
              {t("detail.back")}
            </Link>
            <h1 className="text-3xl font-bold">{t("propose.title")}</h1>
            <p className="text-muted">{t("propose.intro")}</p>
          </div>
          <AppForm action={proposeAppAction} submitLabel={t("propose.submit")} successMessage={t("propose.sent")} />
        </div>
      </LiveRegion>
    </ClientMessages>
  );
}
