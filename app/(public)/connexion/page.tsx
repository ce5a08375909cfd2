import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { getCurrentSession, secondStepPath } from "@/lib/server/auth/current-session";
import { getConfig } from "@/lib/server/config";
import { confirmEmailAction } from "../inscription/actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  const session = await getCurrentSession();
  if (session?.stage === "FULL") redirect(callbackUrl);
  if (session) redirect(`${secondStepPath(session)}?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const t = await getTranslations("auth.signIn");
  const config = getConfig();
  return (
    <ClientMessages namespaces={["auth"]}>
      <div className="mx-auto max-w-md">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-muted">{t("intro")}</p>
        <div className="mt-6">
          <SignInForm callbackUrl={callbackUrl} confirm={confirmEmailAction} showOutboxHint={!config.isProduction && !config.smtpUrl} />
        </div>
        <p className="mt-8 text-sm">
          {t("noAccount")}{" "}
          <Link href="/inscription" className="text-brand underline">
            {t("signUp")}
          </Link>
        </p>
        {config.seedDemoData && <p className="mt-4 text-sm text-muted">{t("demoHint")}</p>}
      </div>
    </ClientMessages>
  );
}
