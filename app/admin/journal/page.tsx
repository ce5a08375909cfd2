import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/access/button-class";
import { ChainCheck } from "@/components/staff/chain-check";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldClass, labelClass } from "@/components/vault/field-classes";
import { auditLogQueryString, parseAuditLogFilters, STAFF_ACTIONS } from "@/lib/server/admin/audit-log-filters";
import { describeAuditAction, describeAuditDetails, type StaffTranslator } from "@/lib/server/admin/describe-audit-entry";
import { getLatestHistoryChainCheck } from "@/lib/server/admin/history-chain-check";
import { listAuditLog } from "@/lib/server/admin/list-audit-log";
import { getDb } from "@/lib/server/db";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { checkHistoryChainsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.journal"))("title") };
}

const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * /admin/journal: the staff audit log with its filters in the address (so a filtered view can be
 * shared and exported as it is), keyset pages of 50, the CSV export and the history chain check.
 */
export default async function StaffJournalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffForPage("/admin/journal", "admin:audit");
  const params = await searchParams;
  const [t, tStaff, format] = await Promise.all([getTranslations("staff.journal"), getTranslations("staff"), getFormatter()]);
  const translate = Object.assign((key: string, values?: Record<string, string | number>) => tStaff(key as never, values as never), { has: (key: string) => tStaff.has(key as never) }) as StaffTranslator;
  const parsed = parseAuditLogFilters(params);
  const raw = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : "");
  const cursor = typeof params.apres === "string" && CURSOR.test(params.apres) ? params.apres : null;
  const [page, latestCheck] = await Promise.all([parsed.success ? listAuditLog(getDb(), { staff, filters: parsed.data, cursor }) : null, getLatestHistoryChainCheck(getDb(), { staff })]);
  const query = parsed.success ? auditLogQueryString(parsed.data) : "";
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </div>

      <form method="get" className="space-y-4 rounded border border-slate-200 p-4">
        <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <legend className="mb-2 text-lg font-semibold">{t("filters.legend")}</legend>
          <div>
            <label htmlFor="journal-staff" className={labelClass}>{t("filters.staff")}</label>
            <p id="journal-staff-hint" className="mt-1 text-sm text-muted">{t("filters.staffHint")}</p>
            <input id="journal-staff" name="staff" defaultValue={raw("staff")} aria-describedby="journal-staff-hint" autoComplete="off" className={fieldClass} />
          </div>
          <div>
            <label htmlFor="journal-action" className={labelClass}>{t("filters.action")}</label>
            <select id="journal-action" name="action" defaultValue={raw("action")} className={fieldClass}>
              <option value="">{t("filters.anyAction")}</option>
              {STAFF_ACTIONS.map((action) => (
                <option key={action} value={action}>{describeAuditAction(action, translate)}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="journal-target" className={labelClass}>{t("filters.target")}</label>
            <p id="journal-target-hint" className="mt-1 text-sm text-muted">{t("filters.targetHint")}</p>
            <input id="journal-target" name="target" defaultValue={raw("target")} aria-describedby="journal-target-hint" autoComplete="off" className={fieldClass} />
          </div>
          <div>
            <label htmlFor="journal-from" className={labelClass}>{t("filters.from")}</label>
            <input id="journal-from" name="from" type="date" defaultValue={raw("from")} className={fieldClass} />
          </div>
          <div>
            <label htmlFor="journal-to" className={labelClass}>{t("filters.to")}</label>
            <input id="journal-to" name="to" type="date" defaultValue={raw("to")} className={fieldClass} />
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={buttonClass("primary")}>{t("filters.submit")}</button>
          <Link href="/admin/journal" className="text-brand underline">{t("filters.reset")}</Link>
        </div>
      </form>

      {!parsed.success && <FormAlert>{t("filters.invalid", { field: t(`filters.${String(parsed.error.issues[0]?.path[0] ?? "staff") as "staff"}`) })}</FormAlert>}

      {page && (
        <section aria-labelledby="journal-entries" className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-4">
            <h2 id="journal-entries" className="text-xl font-semibold">{t("table.caption")}</h2>
            <div>
              <a href={`/api/admin/journal/export${query ? `?${query}` : ""}`} download className={buttonClass("secondary")}>
                {t("export")}
              </a>
              <p className="mt-1 text-sm text-muted">{t("exportHint")}</p>
            </div>
          </div>
          {page.rows.length === 0 ? (
            <p>{t("empty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left text-sm" data-testid="journal-table">
                <caption className="sr-only">{t("table.caption")}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 pr-3">{t("table.when")}</th>
                    <th scope="col" className="py-2 pr-3">{t("table.who")}</th>
                    <th scope="col" className="py-2 pr-3">{t("table.what")}</th>
                    <th scope="col" className="py-2 pr-3">{t("table.target")}</th>
                    <th scope="col" className="py-2 pr-3">{t("table.reason")}</th>
                    <th scope="col" className="py-2">{t("table.details")}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((row) => (
                    <tr key={row.id} className="border-b border-slate-200 align-top">
                      <td className="py-2 pr-3 whitespace-nowrap">{when(row.createdAt)}</td>
                      <td className="py-2 pr-3">
                        {row.actorLabel}
                        <span className="block text-muted">{tStaff(`roles.names.${row.actorRole}`)}</span>
                      </td>
                      <th scope="row" className="py-2 pr-3 font-normal">{describeAuditAction(row.action, translate)}</th>
                      <td className="py-2 pr-3">
                        {row.targetUserId ? (
                          <Link href={`/admin/comptes/${row.targetUserId}`} className="text-brand underline">{row.targetLabel ?? row.targetUserId}</Link>
                        ) : row.targetAppId ? (
                          t("table.app", { id: row.targetAppId })
                        ) : row.ticketId ? (
                          t("table.ticket", { id: row.ticketId })
                        ) : (
                          t("table.none")
                        )}
                      </td>
                      <td className="py-2 pr-3">{row.reason ?? t("table.none")}</td>
                      <td className="py-2">{describeAuditDetails(row.details, translate) || t("table.none")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="flex flex-wrap gap-4">
            {cursor && <Link href={`/admin/journal${query ? `?${query}` : ""}`} className="text-brand underline">{t("first")}</Link>}
            {page.nextCursor && (
              <Link href={`/admin/journal?${auditLogQueryString(parsed.data!, { apres: page.nextCursor })}`} className="text-brand underline">{t("next")}</Link>
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="chains-heading" className="space-y-3 rounded border border-slate-200 p-4">
        <h2 id="chains-heading" className="text-xl font-semibold">{t("chains.heading")}</h2>
        <p className="text-muted">{t("chains.intro")}</p>
        <ChainCheck action={checkHistoryChainsAction} latest={latestCheck} />
      </section>
    </div>
  );
}
