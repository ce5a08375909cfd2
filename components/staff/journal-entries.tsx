import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
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
        <h2 id="journal-entries" className="text-xl font-semibold">
          {t("table.caption")}
        </h2>
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
        <DataTable
          caption={t("table.caption")}
          testId="journal-table"
          headers={[t("table.when"), t("table.who"), t("table.what"), t("table.target"), t("table.reason"), t("table.details")]}
          rowHeader={2}
          nowrap={[0]}
          rows={page.rows.map((row) => ({
            key: row.id,
            cells: [
              when(row.createdAt),
              <>
                {row.actorLabel}
                <span className="block text-muted">{tStaff(`roles.names.${row.actorRole}`)}</span>
              </>,
              describeAuditAction(row.action, translate),
              row.targetUserId ? (
                <Link href={`/admin/comptes/${row.targetUserId}`} className="text-brand underline">
                  {row.targetLabel ?? row.targetUserId}
                </Link>
              ) : row.targetAppId ? (
                t("table.app", { id: row.targetAppId })
              ) : row.ticketId ? (
                t("table.ticket", { id: row.ticketId })
              ) : (
                t("table.none")
              ),
              row.reason ?? t("table.none"),
              describeAuditDetails(row.details, translate) || t("table.none"),
            ],
          }))}
        />
      )}
      <div className="flex flex-wrap gap-4">
        {cursor && (
          <Link href={`/admin/journal${query ? `?${query}` : ""}`} className="text-brand underline">
            {t("first")}
          </Link>
        )}
        {page.nextCursor && (
          <Link href={`/admin/journal?${auditLogQueryString(filters, { apres: page.nextCursor })}`} className="text-brand underline">
            {t("next")}
          </Link>
        )}
      </div>
    </section>
  );
}
