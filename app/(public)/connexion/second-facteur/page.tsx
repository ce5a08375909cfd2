import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SecondFactorCodeForm } from "@/components/auth/second-factor-code-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LoginCodeOption } from "@/components/factors/login-code-option";
import { PasskeySignInButton } from "@/components/factors/passkey-sign-in-button";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { listConfirmedFactorKinds } from "@/lib/server/auth/list-confirmed-factor-kinds";
import { getDb } from "@/lib/server/db";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.secondFactor"))("title") };
}

export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  const session = await getCurrentSession();
  if (!session) redirect(`/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (session.stage === "FULL") redirect(callbackUrl);
  if (!session.hasConfirmedFactor) redirect(`/connexion/enrolement?callbackUrl=${encodeURIComponent(callbackUrl)}`);

  const kinds = await listConfirmedFactorKinds(getDb(), session.user.id);
  const t = await getTranslations("auth.secondFactor");
  return (
    <ClientMessages namespaces={["auth", "codes.form", "codes.login", "passkeys", "security.form", "security.reauth"]}>
      <div className="mx-auto max-w-md space-y-8">
        <div>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-2 text-muted">{t("intro")}</p>
        </div>
        {kinds.has("TOTP") && <SecondFactorCodeForm method="totp" label={t("totpLabel")} hint={t("totpHint")} next={callbackUrl} />}
        {kinds.has("PASSKEY") && <PasskeySignInButton callbackUrl={callbackUrl} />}
        {(kinds.has("EMAIL_OTP") || kinds.has("SMS_OTP")) && <LoginCodeOption userId={session.user.id} callbackUrl={callbackUrl} />}
        <details className="rounded border border-gray-300 p-4">
          <summary className="cursor-pointer font-medium text-brand">{t("recoveryTitle")}</summary>
          <div className="mt-4">
            <SecondFactorCodeForm
              method="recovery"
              label={t("recoveryLabel")}
              hint={t("recoveryHint")}
              next={callbackUrl}
              numeric={false}
            />
          </div>
        </details>
        <SignOutButton label={t("cancel")} />
      </div>
    </ClientMessages>
  );
}
