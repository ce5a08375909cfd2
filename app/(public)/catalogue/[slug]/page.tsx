import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppDetailHeader } from "@/components/catalogue/app-detail-header";
import { AppFactsSection } from "@/components/catalogue/app-facts-section";
import { AppImage } from "@/components/catalogue/app-image";
import { DataUse } from "@/components/catalogue/data-use";
import { ReferencingFile } from "@/components/catalogue/referencing-file";
import { ReportForm } from "@/components/catalogue/report-form";
import { Section } from "@/components/ui/section";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { getPublicApp } from "@/lib/server/catalogue/get-public-app";
import { readScopePurposes } from "@/lib/server/catalogue/scope-purposes";
import { pageCtx } from "@/lib/server/context/page-ctx";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const app = await getPublicApp(await pageCtx(), { slug: (await params).slug });
  return { title: app?.name ?? (await getTranslations("catalogue"))("title") };
}

/** An app's public page: what it is, what it would do with the patient's data and why, and its referencing file. */
export default async function CatalogueAppPage({ params }: { params: Params }) {
  const { slug } = await params;
  const app = await getPublicApp(await pageCtx(), { slug });
  if (!app) notFound();
  const [t, session, locale] = await Promise.all([getTranslations("catalogue"), getCurrentSession(), getAppLocale()]);
  const en = locale === "en";
  const signedIn = session?.stage === "FULL";
  const paragraphs = (en ? app.descriptionEn : app.descriptionFr).split(/\n{2,}/).filter(Boolean);

  return (
    <article className="space-y-10">
      <AppDetailHeader app={app} summary={en ? app.summaryEn : app.summaryFr} signedIn={signedIn} />

      <Section id="about-title" title={t("detail.aboutTitle")}>
        {paragraphs.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
        {app.screenshots.length > 0 && (
          <ul className="flex flex-wrap gap-4" aria-label={t("detail.screenshotsLabel")}>
            {app.screenshots.map((src, index) => (
              <li key={src}>
                <AppImage
                  src={src}
                  alt={t("detail.screenshotAlt", { n: index + 1, name: app.name })}
                  width={180}
                  height={320}
                  className="h-80 w-auto rounded border border-gray-300"
                />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="data-title" title={t("detail.dataTitle")}>
        <p className="text-muted">{t("detail.dataIntro")}</p>
        <DataUse scopes={app.requestedScopes} purposes={readScopePurposes(app.scopePurposes)} categories={app.documentCategories} />
      </Section>

      <AppFactsSection app={app} />

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
