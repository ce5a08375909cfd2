import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { z } from "zod";
import { OAuthConsentForm } from "@/components/apps/oauth-consent-form";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { buildConsentView } from "@/lib/server/apps/consent-view";
import { pageCtx } from "@/lib/server/context/page-ctx";
import { AppError } from "@/lib/server/errors";
import { openAuthorizationRequest, type OpenedRequest } from "@/lib/server/oauth/open-authorization-request";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps.authorize"))("metaTitle") };
}

function Notice({ title, text }: { title: string; text: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p>{text}</p>
    </div>
  );
}

/**
 * An app's authorization request, as the patient answers it. The first patient to open it owns it;
 * a request covered by their connection is answered at once (back to the app with a code), a wider
 * one shows the consent screen.
 */
export default async function AuthorizePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ erreur?: string }>;
}) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const patient = await requirePatientForPage(`/autoriser/${id}`);
  const t = await getTranslations("apps");
  if (!patient) return <NotPatientNotice title={t("authorize.metaTitle")} />;

  let opened: OpenedRequest;
  try {
    opened = await openAuthorizationRequest(await pageCtx(), { requestId: id });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  if (opened.kind === "redirect") redirect(opened.location);
  if (opened.kind !== "consent") return <Notice title={t(`authorize.${opened.kind}Title`)} text={t(`authorize.${opened.kind}`)} />;

  const view = buildConsentView({ app: opened.app, requested: opened.scopes, connection: opened.connection, locale: await getAppLocale() });
  const app = view.app.name;
  return (
    <ClientMessages namespaces={["apps", "space.categories"]}>
      <div className="space-y-8">
        <div className="space-y-3">
          <h1 className="text-3xl font-bold">{t("consent.title", { app })}</h1>
          <p>{t("consent.intro", { app, publisher: view.app.publisher })}</p>
          {view.widening && <p className="rounded border-l-4 border-brand bg-brand-light px-4 py-3">{t("consent.widening", { app })}</p>}
          <p>
            <Link href={`/catalogue/${view.app.slug}`} className="text-brand underline">
              {t("consent.catalogueLink", { app })}
            </Link>
          </p>
        </div>
        <OAuthConsentForm
          view={view}
          requestId={id}
          categoriesError={(await searchParams).erreur === "categories" ? t("consent.categoriesRequired") : undefined}
        />
      </div>
    </ClientMessages>
  );
}
