import { getFormatter, getTranslations } from "next-intl/server";
import { resolveReportAction } from "@/app/admin/catalogue/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import type { AppForCuration } from "@/lib/server/catalogue/get-app-for-curation";

/** The open reports patients made about an app, each with the button that marks it resolved. */
export async function AppReportsSection({ reports }: { reports: AppForCuration["reports"] }) {
  const [t, tReasons, format] = await Promise.all([
    getTranslations("catalogue.curation"),
    getTranslations("catalogue.report.reasons"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: PARIS_TIME_ZONE });
  return (
    <Section id="app-reports-title" title={t("reportsOnApp")} focusable>
      {reports.length === 0 ? (
        <p>{t("reportsNone")}</p>
      ) : (
        <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
          {reports.map((report) => (
            <li key={report.id} className="space-y-2 p-4">
              <p>
                <span className="font-semibold">{tReasons(report.reason)}</span> ·{" "}
                <span className="text-sm text-muted">{t("reportedOn", { date: day(report.createdAt) })}</span>
              </p>
              <p className="text-sm">{report.message ?? t("noMessage")}</p>
              <ActionForm
                action={resolveReportAction}
                fields={{ reportId: report.id }}
                label={t("resolve")}
                success={t("resolved")}
                focusAfter="app-reports-title"
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
