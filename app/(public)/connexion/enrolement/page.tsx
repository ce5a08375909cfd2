import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { TotpEnrolment } from "@/components/auth/totp-enrolment";
import { CodeFactorEnrolment } from "@/components/factors/code-factor-enrolment";
import { PasskeyEnrolment } from "@/components/factors/passkey-enrolment";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { startFirstTotpEnrolment } from "./actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.enrolment"))("title") };
}

/**
 * The only page a new account reaches before it has a second factor. Whichever factor it enrols
 * completes the sign-in; then the recovery codes are generated and shown once.
 */
export default async function EnrolmentPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  const session = await getCurrentSession();
  if (!session) redirect("/connexion");
  if (session.stage === "FULL") redirect("/securite");
  if (session.hasConfirmedFactor) redirect(`/connexion/second-facteur?callbackUrl=${encodeURIComponent(callbackUrl)}`);

  const next = `/securite/codes-de-secours?suite=${encodeURIComponent(callbackUrl)}`;
  const t = await getTranslations("auth.enrolment");
  return (
    <ClientMessages namespaces={["auth", "codes.enrol", "codes.form", "codes.section", "passkeys", "security.form", "security.reauth"]}>
      <div className="mx-auto max-w-2xl space-y-8">
        <div>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-2 text-muted">{t("intro")}</p>
        </div>
        <section aria-labelledby="enrol-totp" className="rounded-lg border border-gray-300 p-5">
          <h2 id="enrol-totp" className="text-xl font-semibold">
            {t("totpTitle")}
          </h2>
          <p className="mt-2 mb-4 text-muted">{t("totpText")}</p>
          <TotpEnrolment start={startFirstTotpEnrolment} next={next} />
        </section>
        <PasskeyEnrolment next={next} />
        <CodeFactorEnrolment userId={session.user.id} next={next} />
        <SignOutButton />
      </div>
    </ClientMessages>
  );
}
