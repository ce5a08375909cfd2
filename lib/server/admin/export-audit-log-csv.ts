import "server-only";
import type { Locale } from "@/lib/generated/prisma/client";
import { csvRecord, UTF8_BOM } from "@/lib/history/csv";
import { parisTimestamp } from "@/lib/history/paris-time";
import { messages } from "@/lib/i18n/messages";
import { uncheckedTranslator } from "@/lib/i18n/unchecked-translator";
import type { Ctx } from "@/lib/server/context/ctx";
import { authorize } from "@/lib/server/policy/policy";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import type { AuditLogFilters } from "./audit-log-filters";
import { describeAuditAction, describeAuditDetails } from "./describe-audit-entry";
import { queryAuditLog, type AuditLogRow } from "./query-audit-log";

const PAGE_SIZE = 500;

/**
 * Every audit entry the filters select, as a CSV stream in the admin's language (the history's CSV
 * writer: BOM, RFC 4180 quoting, formulas neutralised), read page by page along the keyset. The
 * export is itself an audited act: recorded, with its filters, before the first byte leaves.
 */
export async function exportAuditLogCsv(
  { db, ip: ipAddress }: Ctx,
  { staff, filters, locale }: { staff: StaffActor; filters: AuditLogFilters; locale: Locale },
): Promise<ReadableStream<Uint8Array>> {
  authorize(staff.actor, "admin:audit");
  await db.$transaction((tx) =>
    recordStaffAction(tx, { staff, action: "AUDIT_LOG_EXPORTED", details: { filters: { ...filters } }, ipAddress }),
  );

  // Role, action and detail names come from the stored entries: describeAudit* ask has() first.
  const t = uncheckedTranslator({ locale, messages: messages[locale], namespace: "staff" });
  const encoder = new TextEncoder();
  let after: { createdAt: Date; id: string } | null = null;
  let started = false;

  const record = (row: AuditLogRow) =>
    csvRecord([
      parisTimestamp(row.createdAt),
      row.actorLabel,
      t(`roles.names.${row.actorRole}`),
      describeAuditAction(row.action, t),
      row.targetLabel,
      row.targetUserId,
      row.reason,
      describeAuditDetails(row.details, t),
      row.ipAddress,
    ]);

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const headers = ["when", "who", "role", "action", "target", "targetId", "reason", "details", "from"].map((key) =>
          t(`journal.csv.headers.${key}`),
        );
        controller.enqueue(encoder.encode(UTF8_BOM + csvRecord(headers)));
      }
      const rows = await queryAuditLog(db, { filters, after, limit: PAGE_SIZE });
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(record).join("")));
      const last = rows.at(-1);
      if (rows.length < PAGE_SIZE || !last) controller.close();
      else after = { createdAt: last.createdAt, id: last.id };
    },
  });
}
