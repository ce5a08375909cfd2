import "server-only";
import { Prisma, type Role, type StaffAction } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { historyPaging } from "@/lib/server/history/history-cursor";
import type { AuditLogFilters } from "./audit-log-filters";

export type AuditLogRow = {
  id: string;
  createdAt: Date;
  actorId: string;
  actorRole: Role;
  actorLabel: string;
  action: StaffAction;
  targetUserId: string | null;
  targetLabel: string | null;
  targetAppId: string | null;
  ticketId: string | null;
  reason: string | null;
  details: Prisma.JsonValue;
  ipAddress: string | null;
};

/**
 * One keyset page of the staff audit log, newest first, along its (createdAt desc, id desc) index.
 * No authorization here: the page, the export and their services authorize first. Days are Paris days.
 */
export async function queryAuditLog(
  db: Pick<Db, "$queryRaw">,
  { filters, after, limit }: { filters: AuditLogFilters; after?: { createdAt: Date; id: string } | null; limit: number },
): Promise<AuditLogRow[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.staff?.includes("@")) conditions.push(Prisma.sql`"actorId" IN (SELECT id FROM "User" WHERE email = ${filters.staff})`);
  else if (filters.staff) conditions.push(Prisma.sql`"actorId" = ${filters.staff}::uuid`);
  if (filters.action) conditions.push(Prisma.sql`action = ${filters.action}::"StaffAction"`);
  if (filters.target) conditions.push(Prisma.sql`"targetUserId" = ${filters.target}::uuid`);
  if (filters.from) conditions.push(Prisma.sql`"createdAt" >= (${filters.from}::date)::timestamp AT TIME ZONE 'Europe/Paris'`);
  if (filters.to) conditions.push(Prisma.sql`"createdAt" < (${filters.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris'`);
  conditions.push(historyPaging.sql(Prisma.sql`"createdAt"`, after ? { key: after.createdAt, id: after.id } : null));

  return db.$queryRaw<AuditLogRow[]>`
    SELECT id, "createdAt", "actorId", "actorRole", "actorLabel", action, "targetUserId", "targetLabel", "targetAppId", "ticketId", reason, details, "ipAddress"
    FROM "StaffAuditEntry"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${historyPaging.orderSql(Prisma.sql`"createdAt"`)}
    LIMIT ${limit}`;
}
