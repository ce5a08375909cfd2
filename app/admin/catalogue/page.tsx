import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { StatusBadge } from "@/components/catalogue/status-badge";
import { ALL_CRITERIA } from "@/lib/catalogue/criteria";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { listCurationQueue } from "@/lib/server/catalogue/list-curation-queue";
import { pageCtx } from "@/lib/server/context/page-ctx";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { resolveReportAction } from "./actions";
import { ClientMessages } from "@/lib/i18n/client-messages";

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

/** The curators' queue: submissions, open reports, every app by status. */
export default async function CurationQueuePage() {
  await requireStaffForPage("/admin/catalogue", "catalogue:curate");
  const [t, tCatalogue, tReasons, format, queue] = await Promise.all([
    getTranslations("catalogue.curation"),
    getTranslations("catalogue"),
    getTranslations("catalogue.report.reasons"),
    getFormatter(),
    listCurationQueue(await pageCtx()),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: PARIS_TIME_ZONE });
  const cell = "border-b border-gray-300 px-3 py-2 text-left align-top";

  return (
    <ClientMessages namespaces={["access.blocks", "security.form", "security.reauth"]}>
      <div className="space-y-10">
        <div className="space-y-3">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="text-muted">{t("intro")}</p>
          <p>
            <Link
              href="/admin/catalogue/nouveau"
              className="inline-block rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark"
            >
              {t("newApp")}
            </Link>
          </p>
        </div>

        <Section id="submitted-title" title={t("submittedTitle")}>
          {queue.submitted.length === 0 ? (
            <p>{t("submittedNone")}</p>
          ) : (
            <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300" data-testid="submitted-apps">
              {queue.submitted.map((app) => (
                <li key={app.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                  <div>
                    <p className="font-semibold">{app.name}</p>
                    <p className="text-sm text-muted">
                      {app.publisher} · {tCatalogue(`themes.${app.theme}`)} · {t("submittedOn", { date: day(app.createdAt) })} ·{" "}
                      {t("reviewed", { count: app._count.reviews, total: ALL_CRITERIA.length })}
                    </p>
                  </div>
                  <Link
                    href={`/admin/catalogue/${app.id}`}
                    className="rounded border border-brand px-3 py-2 font-medium text-brand hover:bg-brand-light"
                  >
                    {t("open")}
                    <span className="sr-only"> {app.name}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="reports-title" title={t("reportsTitle")}>
          {queue.reports.length === 0 ? (
            <p>{t("reportsNone")}</p>
          ) : (
            <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300" data-testid="open-reports">
              {queue.reports.map((report) => (
                <li key={report.id} className="space-y-2 p-4">
                  <p>
                    <Link href={`/admin/catalogue/${report.app.id}`} className="font-semibold text-brand underline">
                      {report.app.name}
                    </Link>{" "}
                    — {tReasons(report.reason)} ·{" "}
                    <span className="text-sm text-muted">{t("reportedOn", { date: day(report.createdAt) })}</span>
                  </p>
                  <p className="text-sm">{report.message ?? t("noMessage")}</p>
                  <ActionForm
                    action={resolveReportAction}
                    fields={{ reportId: report.id }}
                    label={t("resolve")}
                    srLabel={report.app.name}
                    success={t("resolved")}
                    focusAfter="reports-title"
                  />
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="all-title" title={t("allTitle")}>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{t("appsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className={cell}>
                    {t("name")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("publisher")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("status")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("changedAt")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {queue.apps.map((app) => (
                  <tr key={app.id}>
                    <th scope="row" className={`${cell} font-medium`}>
                      <Link href={`/admin/catalogue/${app.id}`} className="text-brand underline">
                        {app.name}
                      </Link>
                    </th>
                    <td className={cell}>{app.publisher}</td>
                    <td className={cell}>
                      <StatusBadge status={app.status} />
                    </td>
                    <td className={cell}>{app.statusChangedAt ? day(app.statusChangedAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      </div>
    </ClientMessages>
  );
}
