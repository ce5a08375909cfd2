import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getFormattingLocale } from "@/lib/i18n/app-locale";
import { BarChart } from "@/components/staff/bar-chart";
import { loadAdminDashboard, SIZE_BIN_KEYS } from "@/lib/server/admin/load-admin-dashboard";
import { pageCtx } from "@/lib/server/context/page-ctx";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { formatBytes } from "@/lib/format/format-bytes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.dashboard"))("title") };
}

/** /admin/tableau-de-bord: the service's figures, totals only (loadAdminDashboard never returns a row about a person). */
export default async function AdminDashboardPage() {
  const staff = await requireStaffForPage("/admin/tableau-de-bord", "admin:dashboard");
  const [t, tRoles, format, locale, figures] = await Promise.all([
    getTranslations("staff.dashboard"),
    getTranslations("staff.roles"),
    getFormatter(),
    getFormattingLocale(),
    loadAdminDashboard(await pageCtx(), { staff }),
  ]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "Europe/Paris" });
  const longDay = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "long", timeZone: "Europe/Paris" });
  const share = figures.secondFactor.active === 0 ? 0 : figures.secondFactor.withFactor / figures.secondFactor.active;
  const failedTotal = figures.failedLogins.reduce((sum, entry) => sum + entry.count, 0);
  const section = "space-y-4 rounded border border-slate-200 p-4";
  const common = { tableSummary: t("showTable"), valueHeader: t("value") };

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </div>

      <section aria-labelledby="dash-accounts" className={section}>
        <h2 id="dash-accounts" className="text-xl font-semibold">
          {t("accounts.heading")}
        </h2>
        <p data-testid="accounts-total">{t("accounts.total", { count: figures.accounts.total })}</p>
        <BarChart
          id="chart-account-status"
          caption={t("accounts.byStatusCaption")}
          orientation="horizontal"
          labelHeader={t("accounts.status")}
          bars={(["ACTIVE", "PENDING_VERIFICATION", "DISABLED", "CLOSED"] as const).map((status) => ({
            label: tRoles(`statuses.${status}`),
            value: figures.accounts.byStatus[status],
          }))}
          {...common}
        />
        <BarChart
          id="chart-accounts-per-week"
          caption={t("accounts.perWeekCaption")}
          orientation="vertical"
          labelHeader={t("label")}
          bars={figures.accounts.createdPerWeek.map((week) => ({
            label: t("accounts.weekOf", { date: longDay(week.week) }),
            tick: day(week.week),
            value: week.count,
          }))}
          {...common}
        />
      </section>

      <section aria-labelledby="dash-factor" className={section}>
        <h2 id="dash-factor" className="text-xl font-semibold">
          {t("secondFactor.heading")}
        </h2>
        <label htmlFor="factor-meter" className="block font-medium">
          {t("secondFactor.meter")}
        </label>
        <div className="flex items-center gap-3">
          <meter id="factor-meter" min={0} max={1} value={share} className="h-4 w-64" />
          <span className="font-semibold tabular-nums">{format.number(share, { style: "percent", maximumFractionDigits: 1 })}</span>
        </div>
        <p>{t("secondFactor.share", { withFactor: figures.secondFactor.withFactor, active: figures.secondFactor.active })}</p>
      </section>

      <section aria-labelledby="dash-documents" className={section}>
        <h2 id="dash-documents" className="text-xl font-semibold">
          {t("documents.heading")}
        </h2>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("documents.count")}</dt>
          <dd className="tabular-nums">{format.number(figures.documents.count)}</dd>
          <dt className="font-medium">{t("documents.inBin")}</dt>
          <dd className="tabular-nums">{format.number(figures.documents.inBin)}</dd>
          <dt className="font-medium">{t("documents.storage")}</dt>
          <dd className="tabular-nums">{formatBytes(figures.documents.storageBytes, locale)}</dd>
        </dl>
        <BarChart
          id="chart-document-sizes"
          caption={t("documents.bySizeCaption")}
          orientation="horizontal"
          labelHeader={t("documents.size")}
          bars={SIZE_BIN_KEYS.map((bin) => ({ label: t(`documents.bins.${bin}`), value: figures.documents.bySize[bin] }))}
          {...common}
        />
      </section>

      <section aria-labelledby="dash-apps" className={section}>
        <h2 id="dash-apps" className="text-xl font-semibold">
          {t("apps.heading")}
        </h2>
        <p>{t("apps.active", { count: figures.apps.activeConnections })}</p>
        {figures.apps.top.length === 0 ? (
          <p>{t("apps.none")}</p>
        ) : (
          <BarChart
            id="chart-top-apps"
            caption={t("apps.topCaption")}
            orientation="horizontal"
            labelHeader={t("apps.app")}
            bars={figures.apps.top.map((app) => ({ label: app.name, value: app.connections }))}
            {...common}
          />
        )}
      </section>

      <section aria-labelledby="dash-tickets" className={section}>
        <h2 id="dash-tickets" className="text-xl font-semibold">
          {t("tickets.heading")}
        </h2>
        <BarChart
          id="chart-tickets"
          caption={t("tickets.caption")}
          orientation="horizontal"
          labelHeader={t("tickets.status")}
          bars={(["OPEN", "ANSWERED", "CLOSED"] as const).map((status) => ({
            label: t(`tickets.statuses.${status}`),
            value: figures.tickets[status],
          }))}
          {...common}
        />
      </section>

      <section aria-labelledby="dash-failures" className={section}>
        <h2 id="dash-failures" className="text-xl font-semibold">
          {t("failedLogins.heading")}
        </h2>
        <p>{t("failedLogins.total", { count: failedTotal })}</p>
        <BarChart
          id="chart-failed-logins"
          caption={t("failedLogins.caption")}
          orientation="vertical"
          labelHeader={t("failedLogins.day")}
          bars={figures.failedLogins.map((entry) => ({ label: longDay(entry.day), tick: day(entry.day), value: entry.count }))}
          {...common}
        />
      </section>
    </div>
  );
}
