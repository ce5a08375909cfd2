import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppReportsSection } from "@/components/catalogue/app-reports-section";
import { CriteriaReviewForm, type CurrentReview } from "@/components/catalogue/criteria-review-form";
import { DataUse } from "@/components/catalogue/data-use";
import { DataUseForm } from "@/components/catalogue/data-use-form";
import { DecisionForm } from "@/components/catalogue/decision-form";
import { OAuthClientsSection } from "@/components/catalogue/oauth-clients-section";
import { ReferencingFile } from "@/components/catalogue/referencing-file";
import { StatusBadge } from "@/components/catalogue/status-badge";
import { Section } from "@/components/ui/section";
import { decisionsFrom, PUBLIC_STATUSES } from "@/lib/catalogue/app-status";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { getAppForCuration } from "@/lib/server/catalogue/get-app-for-curation";
import { readScopePurposes } from "@/lib/server/catalogue/scope-purposes";
import { pageCtx } from "@/lib/server/context/page-ctx";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { documentCategories } from "@/lib/vault/document-categories";
import { changeAppDataUseAction } from "../actions";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogue.curation"))("title") };
}

/** One app for the curators: what it asks for, its checklist, the decisions it allows, its open reports. */
export default async function CurateAppPage({ params }: { params: Params }) {
  const { id } = await params;
  await requireStaffForPage(`/admin/catalogue/${id}`, "catalogue:curate");
  const app = await getAppForCuration(await pageCtx(), { appId: id });
  if (!app) notFound();
  const [t, tCatalogue, tCategories, format] = await Promise.all([
    getTranslations("catalogue.curation"),
    getTranslations("catalogue"),
    getTranslations("space.categories"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: PARIS_TIME_ZONE });
  const current: Record<string, CurrentReview> = Object.fromEntries(
    app.reviews.map((review) => [review.criterion, { outcome: review.outcome, note: review.note, reviewedAt: day(review.reviewedAt) }]),
  );
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

      <Section focusable id="summary-title" title={t("summaryTitle")}>
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

      <Section focusable id="data-title" title={t("dataTitle")}>
        <DataUse scopes={app.requestedScopes} purposes={readScopePurposes(app.scopePurposes)} categories={app.documentCategories} />
      </Section>

      <Section focusable id="data-use-title" title={t("dataUse.title")}>
        <p className="text-muted">{t("dataUse.intro")}</p>
        <DataUseForm
          appId={app.id}
          current={{ scopes: app.requestedScopes, purposes: readScopePurposes(app.scopePurposes), categories: app.documentCategories }}
          categoryLabels={Object.fromEntries(documentCategories.map((category) => [category, tCategories(category)]))}
          action={changeAppDataUseAction}
        />
      </Section>

      <Section focusable id="review-title" title={t("review.title")}>
        <p className="text-muted">{t("review.intro")}</p>
        <CriteriaReviewForm appId={app.id} current={current} />
      </Section>

      <Section focusable id="decide-title" title={t("decide.title")}>
        <p className="text-muted">{t("decide.intro")}</p>
        <DecisionForm appId={app.id} decisions={decisionsFrom(app.status)} />
      </Section>

      <OAuthClientsSection app={app} />

      <AppReportsSection reports={app.reports} />

      <Section focusable id="file-title" title={tCatalogue("file.title")}>
        <ReferencingFile reviews={app.reviews} decisions={[...app.decisions].reverse()} idPrefix="admin-file" />
      </Section>
    </div>
  );
}
