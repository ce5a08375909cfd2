import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppImage } from "@/components/catalogue/app-image";
import { DataUse } from "@/components/catalogue/data-use";
import { ReferencingFile } from "@/components/catalogue/referencing-file";
import { ReportForm } from "@/components/catalogue/report-form";
import { StatusBadge } from "@/components/catalogue/status-badge";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { getPublicApp } from "@/lib/server/catalogue/get-public-app";
import { readScopePurposes } from "@/lib/server/catalogue/scope-purposes";
import { getDb } from "@/lib/server/db";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const app = await getPublicApp(getDb(), (await params).slug);
  return { title: app?.name ?? (await getTranslations("catalogue"))("title") };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** An app's public page: what it is, what it would do with the patient's data and why, and its referencing file. */
export default async function CatalogueAppPage({ params }: { params: Params }) {
  const { slug } = await params;
  const app = await getPublicApp(getDb(), slug);
  if (!app) notFound();
  const [t, session, locale, format] = await Promise.all([getTranslations("catalogue"), getCurrentSession(), getAppLocale(), getFormatter()]);
  const en = locale === "en";
  const signedIn = session?.stage === "FULL";
  const connectPath = `/services-connectes/connecter/${app.slug}`;
  const paragraphs = (en ? app.descriptionEn : app.descriptionFr).split(/\n{2,}/).filter(Boolean);
  const links = [
    { href: app.websiteUrl, label: t("detail.website") },
    app.androidUrl && { href: app.androidUrl, label: t("detail.android") },
    app.iosUrl && { href: app.iosUrl, label: t("detail.ios") },
    app.termsUrl && { href: app.termsUrl, label: t("detail.terms") },
    app.contactEmail && { href: `mailto:${app.contactEmail}`, label: t("detail.contact", { email: app.contactEmail }) },
  ].filter((link): link is { href: string; label: string } => Boolean(link));
  const yesNo = (value: boolean) => (value ? t("detail.yes") : t("detail.no"));

  return (
    <article className="space-y-10">
      <div className="space-y-4">
        <Link href="/catalogue" className="text-brand underline">
          {t("detail.back")}
        </Link>
        <div className="flex flex-wrap items-start gap-4">
          <AppImage src={app.logoPath ?? ""} alt={t("card.logoAlt", { name: app.name })} width={96} height={96} className="h-24 w-24" />
          <div className="space-y-2">
            <h1 className="text-3xl font-bold">{app.name}</h1>
            <p className="text-muted">{t("card.by", { publisher: app.publisher })}</p>
            <p className="flex flex-wrap gap-2">
              <StatusBadge status={app.status} />
            </p>
          </div>
        </div>
        <p className="text-lg">{en ? app.summaryEn : app.summaryFr}</p>

        {app.status !== "LISTED" && (
          <div className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900" data-testid="status-banner">
            <p className="font-semibold">
              {t(`detail.banner.${app.status as "SUSPENDED" | "DELISTED"}`, { date: app.statusChangedAt ? format.dateTime(app.statusChangedAt, { dateStyle: "long", timeZone: PARIS_TIME_ZONE }) : "—" })}
            </p>
            {app.statusReason && <p className="mt-1">{t("detail.banner.reason", { reason: app.statusReason })}</p>}
          </div>
        )}

        {app.status === "LISTED" && (
          <p>
            <Link
              href={signedIn ? connectPath : `/connexion?callbackUrl=${encodeURIComponent(connectPath)}`}
              className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
            >
              {t("detail.connect")}
            </Link>
            {!signedIn && <span className="ml-3 text-sm text-muted">{t("detail.connectSignIn")}</span>}
          </p>
        )}
      </div>

      <Section id="about-title" title={t("detail.aboutTitle")}>
        {paragraphs.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
        {app.screenshots.length > 0 && (
          <ul className="flex flex-wrap gap-4" aria-label={t("detail.screenshotsLabel")}>
            {app.screenshots.map((src, index) => (
              <li key={src}>
                <AppImage src={src} alt={t("detail.screenshotAlt", { n: index + 1, name: app.name })} width={180} height={320} className="h-80 w-auto rounded border border-gray-300" />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="data-title" title={t("detail.dataTitle")}>
        <p className="text-muted">{t("detail.dataIntro")}</p>
        <DataUse scopes={app.requestedScopes} purposes={readScopePurposes(app.scopePurposes)} categories={app.documentCategories} />
      </Section>

      <Section id="facts-title" title={t("detail.factsTitle")}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("detail.publisher")}</dt>
          <dd>{app.publisher}</dd>
          <dt className="font-semibold">{t("detail.theme")}</dt>
          <dd>{t(`themes.${app.theme}`)}</dd>
          <dt className="font-semibold">{t("detail.price")}</dt>
          <dd>{t(`priceModels.${app.priceModel}`)}</dd>
          <dt className="font-semibold">{t("flags.medicalDevice")}</dt>
          <dd>{yesNo(app.medicalDevice)}</dd>
          <dt className="font-semibold">{t("flags.connectedDevice")}</dt>
          <dd>{yesNo(app.connectedDevice)}</dd>
          <dt className="font-semibold">{t("detail.regions")}</dt>
          <dd>{app.regions.length === 0 ? t("card.national") : app.regions.map((region) => t(`regions.${region}` as never)).join(", ")}</dd>
        </dl>
        <ul className="flex flex-wrap gap-4">
          {links.map((link) => (
            <li key={link.href}>
              <a href={link.href} className="text-brand underline" rel="noopener noreferrer">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="file-title" title={t("file.title")}>
        <p className="text-muted">{t("file.intro")}</p>
        <ReferencingFile reviews={app.reviews} decisions={app.decisions} />
      </Section>

      <Section id="report-title" title={t("report.title")}>
        <p className="text-muted">{t("report.intro")}</p>
        {signedIn ? (
          <ReportForm appId={app.id} />
        ) : (
          <p>
            <Link href={`/connexion?callbackUrl=${encodeURIComponent(`/catalogue/${app.slug}`)}`} className="text-brand underline">
              {t("report.signIn")}
            </Link>
          </p>
        )}
      </Section>
    </article>
  );
}
