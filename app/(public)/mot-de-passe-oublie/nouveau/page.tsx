import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PasswordResetForm } from "@/components/security/password-reset-form";
import { findPasswordReset } from "@/lib/server/auth/password-reset/find-password-reset";
import { getDb } from "@/lib/server/db";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  // The token is in this page's URL: no Referer may carry it anywhere, even to our own origin.
  return { title: (await getTranslations("passwordReset.complete"))("title"), referrer: "no-referrer" };
}

/**
 * Opened from the reset mail. Checks the link before showing the form, so an expired or used link
 * says so at once rather than after a new password was typed. Loads nothing from other origins.
 */
export default async function NewPasswordPage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const { jeton } = await searchParams;
  const [t, reset] = await Promise.all([getTranslations("passwordReset.complete"), findPasswordReset(getDb(), { token: jeton })]);
  return (
    <ClientMessages namespaces={["passwordReset.complete", "security.form", "security.reauth"]}>
      <div className="mx-auto max-w-md space-y-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        {reset && jeton ? (
          <>
            <p>{t("intro")}</p>
            <PasswordResetForm token={jeton} email={reset.user.email} />
          </>
        ) : (
          <>
            <p role="alert">{t("invalid")}</p>
            <p>
              <Link href="/mot-de-passe-oublie" className="text-brand underline">
                {t("askAgain")}
              </Link>
            </p>
          </>
        )}
      </div>
    </ClientMessages>
  );
}
