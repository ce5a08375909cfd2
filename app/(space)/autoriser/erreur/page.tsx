import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps.authorize"))("errorTitle") };
}

const REASONS = ["client", "redirect_uri"] as const;

/**
 * Where an authorization request lands when its client or redirect URI cannot be trusted: sending
 * the browser back there would make this server an open redirector (RFC 6749 §4.1.2.1).
 */
export default async function AuthorizeErrorPage({ searchParams }: { searchParams: Promise<{ raison?: string }> }) {
  const t = await getTranslations("apps.authorize");
  const { raison } = await searchParams;
  const reason = REASONS.find((value) => value === raison) ?? "unknown";
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("errorTitle")}</h1>
      <p>{t("errorIntro")}</p>
      <p data-testid="authorize-error-reason">{t(`reasons.${reason}`)}</p>
      <p>
        <Link href="/catalogue" className="text-brand underline">
          {t("backToCatalogue")}
        </Link>
      </p>
    </div>
  );
}
