import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ReauthenticateForm, type ReauthenticationMethod } from "@/components/security/reauthenticate-form";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { listCodeFactors } from "@/lib/server/auth/codes/list-code-factors";
import { CODE_POLICY } from "@/lib/server/auth/codes/one-time-codes";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { countRemainingRecoveryCodes } from "@/lib/server/auth/recovery-codes";
import { listFactors } from "@/lib/server/auth/security-settings/list-factors";
import { getDb } from "@/lib/server/db";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security.reauth"))("title") };
}

/**
 * Re-authentication before a sensitive change. Offers the second factors the account has that work
 * without a browser ceremony: authenticator app, code by e-mail or SMS, recovery code.
 */
export default async function ReauthenticatePage({ searchParams }: { searchParams: Promise<{ suite?: string }> }) {
  const suite = safeRedirectPath((await searchParams).suite, "/securite");
  const session = await requireFullSessionForPage(`/securite/confirmer?suite=${encodeURIComponent(suite)}`);
  const db = getDb();
  const userId = session.user.id;
  const [t, factors, codeFactors, recoveryLeft] = await Promise.all([
    getTranslations("security.reauth"),
    listFactors(db, { userId }),
    listCodeFactors(db, { userId }),
    countRemainingRecoveryCodes(db, userId),
  ]);
  const methods: ReauthenticationMethod[] = [
    ...(factors.some((factor) => factor.kind === "TOTP") ? (["totp"] as const) : []),
    ...(factors.some((factor) => factor.kind === "PASSKEY") ? (["passkey"] as const) : []),
    ...(codeFactors.factors.length > 0 ? (["otp"] as const) : []),
    ...(recoveryLeft > 0 ? (["recovery"] as const) : []),
  ];
  return (
    <ClientMessages namespaces={["security.form", "security.reauth"]}>
      <div className="mx-auto max-w-md space-y-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
        {methods.length > 0 ? (
          <ReauthenticateForm
            methods={methods}
            codeFactors={codeFactors.factors.map(({ id, kind, destination }) => ({ id, kind, destination }))}
            codeMinutes={CODE_POLICY.LOGIN_OTP.ttlMinutes}
            suite={suite}
          />
        ) : (
          <p role="alert">{t("noMethod")}</p>
        )}
        <p>
          <Link href={suite} className="text-brand underline">
            {t("cancel")}
          </Link>
        </p>
      </div>
    </ClientMessages>
  );
}
