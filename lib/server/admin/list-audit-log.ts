import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import { historyPaging } from "@/lib/server/history/history-cursor";
import { authorize } from "@/lib/server/policy/policy";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import type { AuditLogFilters } from "./audit-log-filters";
import { queryAuditLog, type AuditLogRow } from "./query-audit-log";

export const AUDIT_PAGE_SIZE = 50;

/** A page of the staff audit log for an admin, and the cursor of the next one (null at the end). */
export async function listAuditLog(
  { db }: Ctx,
  {
    staff,
    filters,
    cursor,
    limit = AUDIT_PAGE_SIZE,
  }: { staff: StaffActor; filters: AuditLogFilters; cursor?: string | null; limit?: number },
): Promise<{ rows: AuditLogRow[]; nextCursor: string | null }> {
  authorize(staff.actor, "admin:audit");
  const position = historyPaging.decode(cursor);
  const rows = await queryAuditLog(db, {
    filters,
    after: position && { createdAt: position.key, id: position.id },
    limit: historyPaging.take(limit),
  });
  const { items, nextCursor } = historyPaging.page(rows, limit, (row) => row.createdAt);
  return { rows: items, nextCursor };
}
