import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ReauthNotice } from "@/components/security/reauth-notice";
import { TotpSetupForm } from "@/components/security/totp-setup-form";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { isRecentlyAuthenticated } from "@/lib/server/auth/reauth/is-recently-authenticated";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security.totpSetup"))("title") };
}

export default async function AddTotpPage() {
  const session = await requireFullSessionForPage("/securite/totp");
  const t = await getTranslations("security.totpSetup");
  return (
    <ClientMessages namespaces={["security.form", "security.reauth", "security.totpSetup"]}>
      <div className="mx-auto max-w-2xl space-y-6">
        <p>
          <Link href="/securite" className="text-brand underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
        {isRecentlyAuthenticated(session) ? <TotpSetupForm /> : <ReauthNotice returnTo="/securite/totp" />}
      </div>
    </ClientMessages>
  );
}
