import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ReauthNotice } from "@/components/security/reauth-notice";
import { RecoveryCodesGenerator } from "@/components/security/recovery-codes-generator";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { isRecentlyAuthenticated } from "@/lib/server/auth/reauth/is-recently-authenticated";
import { countRemainingRecoveryCodes, RECOVERY_CODE_COUNT } from "@/lib/server/auth/recovery-codes";
import { getDb } from "@/lib/server/db";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security.recoveryCodes"))("title") };
}

/**
 * Also the step right after a new account's first factor (`?suite=/espace`): a fresh sign-in counts
 * as recent, so the codes can be made at once, and "Continuer" goes on to the space.
 */
export default async function RecoveryCodesPage({ searchParams }: { searchParams: Promise<{ suite?: string }> }) {
  const { suite } = await searchParams;
  const next = suite === undefined ? null : safeRedirectPath(suite);
  const here = next ? `/securite/codes-de-secours?suite=${encodeURIComponent(next)}` : "/securite/codes-de-secours";
  const session = await requireFullSessionForPage(here);
  const [t, remaining] = await Promise.all([
    getTranslations("security.recoveryCodes"),
    countRemainingRecoveryCodes(getDb(), session.user.id),
  ]);
  return (
    <ClientMessages namespaces={["security.form", "security.reauth", "security.recoveryCodes"]}>
      <div className="mx-auto max-w-2xl space-y-6">
        {!next && (
          <p>
            <Link href="/securite" className="text-brand underline">
              {t("back")}
            </Link>
          </p>
        )}
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro", { total: RECOVERY_CODE_COUNT })}</p>
        <p>{remaining === 0 ? t("none") : t("remaining", { count: remaining, total: RECOVERY_CODE_COUNT })}</p>
        {isRecentlyAuthenticated(session) ? (
          <RecoveryCodesGenerator hasCodes={remaining > 0} returnTo={here} />
        ) : (
          <ReauthNotice returnTo={here} />
        )}
        {next && (
          <p>
            <Link href={next} className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
              {t("continue")}
            </Link>
          </p>
        )}
      </div>
    </ClientMessages>
  );
}
