import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { ActionConsentForm } from "@/components/apps/action-consent-form";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { buildConsentView } from "@/lib/server/apps/consent-view";
import { findListedApp } from "@/lib/server/apps/find-listed-app";
import { findConnection } from "@/lib/server/apps/list-connections";
import { getDb } from "@/lib/server/db";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { AppError } from "@/lib/server/errors";
import { allowedScopesOf } from "@/lib/server/oauth/oauth-settings";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";
import { connectAppAction } from "../../actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps.authorize"))("metaTitle") };
}

/** Connecting an app from its catalogue page: the same consent as an app's own request, over all it states. */
export default async function ConnectAppPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const patient = await requirePatientForPage(`/services-connectes/connecter/${encodeURIComponent(slug)}`);
  const t = await getTranslations("apps");
  if (!patient) return <NotPatientNotice title={t("authorize.metaTitle")} />;
  const db = getDb();
  const app = await findListedApp(db, slug).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const connection = await findConnection(await signedInPageCtx(), { slug: app.slug });
  const view = buildConsentView({ app, requested: allowedScopesOf(app), connection, locale: await getAppLocale() });
  return (
    <ClientMessages namespaces={["apps", "space.categories"]}>
      <div className="space-y-8">
        <div className="space-y-3">
          <h1 className="text-3xl font-bold">{t("consent.connect", { app: app.name })}</h1>
          <p>{t("consent.intro", { app: app.name, publisher: app.publisher })}</p>
          <p>
            <Link href={`/catalogue/${app.slug}`} className="text-brand underline">
              {t("consent.catalogueLink", { app: app.name })}
            </Link>
          </p>
        </div>
        <ActionConsentForm
          view={view}
          action={connectAppAction}
          hidden={{ slug: app.slug }}
          submitLabel={t("consent.allow")}
          cancelHref={`/catalogue/${app.slug}`}
        />
      </div>
    </ClientMessages>
  );
}
