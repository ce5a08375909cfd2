import "server-only";
import type { Db } from "@/lib/server/db";
import { decodeHistoryCursor, encodeHistoryCursor } from "@/lib/server/history/history-cursor";
import { authorize } from "@/lib/server/policy/policy";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import type { AuditLogFilters } from "./audit-log-filters";
import { queryAuditLog, type AuditLogRow } from "./query-audit-log";

export const AUDIT_PAGE_SIZE = 50;

/** A page of the staff audit log for an admin, and the cursor of the next one (null at the end). */
export async function listAuditLog(
  db: Pick<Db, "$queryRaw">,
  { staff, filters, cursor, limit = AUDIT_PAGE_SIZE }: { staff: StaffActor; filters: AuditLogFilters; cursor?: string | null; limit?: number },
): Promise<{ rows: AuditLogRow[]; nextCursor: string | null }> {
  authorize(staff.actor, "admin:audit");
  const after = cursor ? decodeHistoryCursor(cursor) : null;
  // One row more than shown tells whether another page exists without counting the table.
  const rows = await queryAuditLog(db, { filters, after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeHistoryCursor({ createdAt: last.createdAt, id: last.id }) : null };
}
