import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { getConfig } from "@/lib/server/config";
import { confirmEmailAction, signUpAction } from "./actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signUp"))("title") };
}

export default async function SignUpPage() {
  if ((await getCurrentSession())?.stage === "FULL") redirect("/espace");
  const t = await getTranslations("auth.signUp");
  const config = getConfig();
  return (
    <ClientMessages namespaces={["auth.signUp", "security.form", "security.reauth"]}>
      <div className="mx-auto max-w-xl">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <div className="mt-6">
          <SignUpForm signUp={signUpAction} confirm={confirmEmailAction} showOutboxHint={!config.isProduction && !config.smtpUrl} />
        </div>
      </div>
    </ClientMessages>
  );
}
