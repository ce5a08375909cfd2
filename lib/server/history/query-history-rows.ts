import "server-only";
import { Prisma, type HistoryAction, type Role } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { historyAuthorRoles, historyKindActions, type HistoryFilters } from "@/lib/history/history-api";
import { historyPaging } from "./history-cursor";

export type HistoryRow = {
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorRole: Role | null;
  actorLabel: string;
  action: HistoryAction;
  documentId: string | null;
  documentTitle: string | null;
  details: Prisma.JsonValue;
  ipAddress: string | null;
};

/**
 * One keyset page of a patient's history, newest first, served by the (patientId, createdAt desc,
 * id desc) index. No authorization here: callers (listHistory, exportHistoryCsv) authorize first.
 * Days are the patient's (Paris) days, so "from 3 March" starts at midnight in France.
 */
export async function queryHistoryRows(
  db: Pick<Db, "$queryRaw">,
  {
    patientId,
    filters,
    after,
    limit,
  }: { patientId: string; filters: HistoryFilters; after?: { createdAt: Date; id: string } | null; limit: number },
): Promise<HistoryRow[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`"patientId" = ${patientId}::uuid`];
  conditions.push(
    filters.tab === "mine"
      ? Prisma.sql`"actorId" = ${patientId}::uuid`
      : // The automatic bin purge and establishments act without an account: they are "others" too.
        Prisma.sql`("actorId" IS NULL OR "actorId" <> ${patientId}::uuid)`,
  );
  if (filters.author === "OTHER") conditions.push(Prisma.sql`"actorRole" IS NULL AND "actorAppId" IS NULL`);
  else if (filters.author === "APP") conditions.push(Prisma.sql`"actorAppId" IS NOT NULL`);
  else if (filters.author && (historyAuthorRoles as readonly string[]).includes(filters.author))
    conditions.push(Prisma.sql`"actorRole" = ${filters.author}::"Role"`);
  else if (filters.author) conditions.push(Prisma.sql`"actorId" = ${filters.author}::uuid`);
  if (filters.kind) {
    const actions = Prisma.join(historyKindActions[filters.kind].map((action) => Prisma.sql`${action}::"HistoryAction"`));
    // Two kinds are also about who acted, not only what was done: anything done on the emergency
    // basis, and anything a connected app did through the API (reads and writes keep their own action).
    conditions.push(
      filters.kind === "emergency"
        ? Prisma.sql`(action IN (${actions}) OR details->>'basis' = 'EMERGENCY')`
        : filters.kind === "apps"
          ? Prisma.sql`(action IN (${actions}) OR "actorAppId" IS NOT NULL)`
          : Prisma.sql`action IN (${actions})`,
    );
  }
  if (filters.from) conditions.push(Prisma.sql`"createdAt" >= (${filters.from}::date)::timestamp AT TIME ZONE 'Europe/Paris'`);
  if (filters.to) conditions.push(Prisma.sql`"createdAt" < (${filters.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris'`);
  conditions.push(historyPaging.sql(Prisma.sql`"createdAt"`, after ? { key: after.createdAt, id: after.id } : null));

  return db.$queryRaw<HistoryRow[]>`
    SELECT id, "createdAt", "actorId", "actorRole", "actorLabel", action, "documentId", "documentTitle", details, "ipAddress"
    FROM "HistoryEntry"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${historyPaging.orderSql(Prisma.sql`"createdAt"`)}
    LIMIT ${limit}`;
}
