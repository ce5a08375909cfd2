import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PasswordResetRequestForm } from "@/components/security/password-reset-request-form";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset.request"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("passwordReset.request");
  return (
    <ClientMessages namespaces={["passwordReset.request", "security.form", "security.reauth"]}>
      <div className="mx-auto max-w-md space-y-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
        <PasswordResetRequestForm />
        <p>
          <Link href="/connexion" className="text-brand underline">
            {t("backToSignIn")}
          </Link>
        </p>
      </div>
    </ClientMessages>
  );
}
