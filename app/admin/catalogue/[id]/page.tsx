import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/access/action-form";
import { CriteriaReviewForm, type CurrentReview } from "@/components/catalogue/criteria-review-form";
import { DataUse } from "@/components/catalogue/data-use";
import { DecisionForm } from "@/components/catalogue/decision-form";
import { OAuthClientForm } from "@/components/catalogue/oauth-client-form";
import { ReferencingFile } from "@/components/catalogue/referencing-file";
import { StatusBadge } from "@/components/catalogue/status-badge";
import { decisionsFrom, PUBLIC_STATUSES } from "@/lib/catalogue/app-status";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { getAppForCuration } from "@/lib/server/catalogue/get-app-for-curation";
import { readScopePurposes } from "@/lib/server/catalogue/scope-purposes";
import { getDb } from "@/lib/server/db";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { resolveReportAction, revokeClientAction } from "../actions";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogue.curation"))("title") };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} tabIndex={-1} className="text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One app for the curators: what it asks for, its checklist, the decisions it allows, its open reports. */
export default async function CurateAppPage({ params }: { params: Params }) {
  const { id } = await params;
  await requireStaffForPage(`/admin/catalogue/${id}`, "catalogue:curate");
  const app = await getAppForCuration(getDb(), id);
  if (!app) notFound();
  const [t, tCatalogue, tReasons, format] = await Promise.all([getTranslations("catalogue.curation"), getTranslations("catalogue"), getTranslations("catalogue.report.reasons"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: PARIS_TIME_ZONE });
  const current: Record<string, CurrentReview> = Object.fromEntries(app.reviews.map((review) => [review.criterion, { outcome: review.outcome, note: review.note, reviewedAt: day(review.reviewedAt) }]));
  const isPublic = (PUBLIC_STATUSES as readonly string[]).includes(app.status);

  return (
    <div className="space-y-10">
      <div className="space-y-3">
        <Link href="/admin/catalogue" className="text-brand underline">
          {t("backToQueue")}
        </Link>
        <h1 className="text-3xl font-bold">{app.name}</h1>
        <p className="text-muted">
          {app.publisher} · {tCatalogue(`themes.${app.theme}`)} · {app.contactEmail}
        </p>
        <p className="flex flex-wrap items-center gap-2">
          <span>{t("decide.current")} :</span> <StatusBadge status={app.status} />
          {app.statusReason && <span className="text-sm">— {app.statusReason}</span>}
        </p>
        <p>{t("connectedPatients", { count: app.connectedPatients })}</p>
        {isPublic && (
          <p>
            <Link href={`/catalogue/${app.slug}`} className="text-brand underline">
              {t("publicPage")}
            </Link>
          </p>
        )}
      </div>

      <Section id="summary-title" title={t("summaryTitle")}>
        <p>{app.summaryFr}</p>
        {app.descriptionFr.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
        <ul className="flex flex-wrap gap-4 text-sm">
          {[app.websiteUrl, app.androidUrl, app.iosUrl, app.termsUrl].filter(Boolean).map((href) => (
            <li key={href}>
              <a href={href!} className="text-brand underline" rel="noopener noreferrer">
                {href}
              </a>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="data-title" title={t("dataTitle")}>
        <DataUse scopes={app.requestedScopes} purposes={readScopePurposes(app.scopePurposes)} categories={app.documentCategories} />
      </Section>

      <Section id="review-title" title={t("review.title")}>
        <p className="text-muted">{t("review.intro")}</p>
        <CriteriaReviewForm appId={app.id} current={current} />
      </Section>

      <Section id="decide-title" title={t("decide.title")}>
        <p className="text-muted">{t("decide.intro")}</p>
        <DecisionForm appId={app.id} decisions={decisionsFrom(app.status)} />
      </Section>

      <Section id="clients-title" title={t("clients.title")}>
        <p className="text-muted">{t("clients.intro")}</p>
        {app.clients.length === 0 ? (
          <p>{t("clients.none")}</p>
        ) : (
          <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300" data-testid="oauth-clients">
            {app.clients.map((client) => (
              <li key={client.id} className="space-y-2 p-4" data-testid="oauth-client">
                <p>
                  <code className="font-semibold">{client.clientId}</code> · {t(`clients.types.${client.type}`)} ·{" "}
                  {client.revokedAt ? <span className="font-medium text-red-800">{t("clients.revokedOn", { date: day(client.revokedAt) })}</span> : t("clients.registeredOn", { date: day(client.createdAt) })}
                </p>
                <ul className="list-inside list-disc text-sm">
                  {client.redirectUris.map((uri) => (
                    <li key={uri} className="font-mono break-all">
                      {uri}
                    </li>
                  ))}
                </ul>
                {!client.revokedAt && (
                  <ActionForm
                    action={revokeClientAction}
                    fields={{ appId: app.id, clientId: client.id }}
                    label={t("clients.revoke")}
                    srLabel={t("clients.revokeLabel", { clientId: client.clientId })}
                    success={t("clients.revoked", { clientId: client.clientId })}
                    focusAfter="clients-title"
                    confirm={{ warning: t("clients.revokeWarning"), label: t("clients.revokeConfirm") }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        <h3 className="text-xl font-semibold">{t("clients.newTitle")}</h3>
        <OAuthClientForm appId={app.id} />
      </Section>

      <Section id="app-reports-title" title={t("reportsOnApp")}>
        {app.reports.length === 0 ? (
          <p>{t("reportsNone")}</p>
        ) : (
          <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
            {app.reports.map((report) => (
              <li key={report.id} className="space-y-2 p-4">
                <p>
                  <span className="font-semibold">{tReasons(report.reason)}</span> · <span className="text-sm text-muted">{t("reportedOn", { date: day(report.createdAt) })}</span>
                </p>
                <p className="text-sm">{report.message ?? t("noMessage")}</p>
                <ActionForm action={resolveReportAction} fields={{ reportId: report.id }} label={t("resolve")} success={t("resolved")} focusAfter="app-reports-title" />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="file-title" title={tCatalogue("file.title")}>
        <ReferencingFile reviews={app.reviews} decisions={[...app.decisions].reverse()} idPrefix="admin-file" />
      </Section>
    </div>
  );
}
