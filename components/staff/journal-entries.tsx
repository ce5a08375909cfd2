import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { auditLogQueryString, type AuditLogFilters } from "@/lib/server/admin/audit-log-filters";
import { describeAuditAction, describeAuditDetails, type StaffTranslator } from "@/lib/server/admin/describe-audit-entry";
import type { AuditLogRow } from "@/lib/server/admin/query-audit-log";

/**
 * One keyset page of the staff audit log as a table, with the CSV export of the same filters and the
 * links to the first and the next page.
 */
export async function JournalEntries({
  page,
  filters,
  cursor,
  translate,
}: {
  page: { rows: AuditLogRow[]; nextCursor: string | null };
  filters: AuditLogFilters;
  cursor: string | null;
  translate: StaffTranslator;
}) {
  const [t, tStaff, format] = await Promise.all([getTranslations("staff.journal"), getTranslations("staff"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });
  const query = auditLogQueryString(filters);
  return (
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
          <Link href={`/admin/journal?${auditLogQueryString(filters, { apres: page.nextCursor })}`} className="text-brand underline">{t("next")}</Link>
        )}
      </div>
    </section>
  );
}
