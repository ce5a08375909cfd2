import "server-only";
import type { AccountStatus, TicketStatus } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import { authorize } from "@/lib/server/policy/policy";
import type { StaffActor } from "@/lib/server/staff/require-staff";

/** Upper bounds (exclusive) of the stored-file size bins; the last bin takes the rest up to the 5 MB limit. */
export const SIZE_BINS = [100 * 1024, 1024 * 1024] as const;
export const SIZE_BIN_KEYS = ["small", "medium", "large", "noFile"] as const;
export type SizeBin = (typeof SIZE_BIN_KEYS)[number];

export const WEEKS = 12;
export const FAILED_LOGIN_DAYS = 30;

export type AdminDashboard = {
  accounts: { total: number; byStatus: Record<AccountStatus, number>; createdPerWeek: { week: string; count: number }[] };
  /** Active accounts, and how many of them have at least one confirmed second factor. */
  secondFactor: { active: number; withFactor: number };
  documents: { count: number; inBin: number; storageBytes: number; bySize: Record<SizeBin, number> };
  apps: { activeConnections: number; top: { name: string; connections: number }[] };
  tickets: Record<TicketStatus, number>;
  failedLogins: { day: string; count: number }[];
};

const num = (value: number | bigint | null | undefined) => Number(value ?? 0);

/** Paris calendar days or Monday-started weeks, ending today, oldest first, as "YYYY-MM-DD". */
function parisSeries(unit: "day" | "week", length: number, now: Date): string[] {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(now);
  const start = new Date(`${today}T00:00:00Z`);
  if (unit === "week") start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const step = unit === "week" ? 7 : 1;
  return Array.from({ length }, (_, index) => {
    const day = new Date(start);
    day.setUTCDate(start.getUTCDate() - (length - 1 - index) * step);
    return day.toISOString().slice(0, 10);
  });
}

function fill(series: string[], rows: { bucket: string; count: number | bigint }[]): { key: string; count: number }[] {
  const counts = new Map(rows.map((row) => [row.bucket, num(row.count)]));
  return series.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/**
 * The admin dashboard: counts and sums only, never a row about a person. Each figure is one SQL
 * aggregate, all run at once; time buckets are Paris days and weeks, as the rest of the app speaks.
 */
export async function loadAdminDashboard(ctx: Ctx, { staff }: { staff: StaffActor }): Promise<AdminDashboard> {
  authorize(staff.actor, "admin:dashboard");
  const { db } = ctx;
  const now = ctx.now();
  const weeks = parisSeries("week", WEEKS, now);
  const days = parisSeries("day", FAILED_LOGIN_DAYS, now);

  const [statuses, perWeek, factor, documents, sizes, activeConnections, topApps, tickets, failures] = await Promise.all([
    db.user.groupBy({ by: ["status"], _count: { _all: true } }),
    db.$queryRaw<{ bucket: string; count: bigint }[]>`
      SELECT to_char(date_trunc('week', "createdAt" AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD') AS bucket, count(*) AS count
      FROM "User" WHERE "createdAt" >= (${weeks[0]}::date)::timestamp AT TIME ZONE 'Europe/Paris' GROUP BY 1`,
    db.$queryRaw<{ active: bigint; withFactor: bigint }[]>`
      SELECT count(*) AS active,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "AuthFactor" f WHERE f."userId" = u.id AND f."confirmedAt" IS NOT NULL)) AS "withFactor"
      FROM "User" u WHERE u.status = 'ACTIVE'`,
    db.$queryRaw<{ count: bigint; inBin: bigint; bytes: bigint | null }[]>`
      SELECT count(*) AS count, count(*) FILTER (WHERE "deletedAt" IS NOT NULL) AS "inBin", sum("sizeBytes") AS bytes FROM "Document"`,
    db.$queryRaw<{ bucket: SizeBin; count: bigint }[]>`
      SELECT CASE WHEN "sizeBytes" IS NULL THEN 'noFile' WHEN "sizeBytes" < ${SIZE_BINS[0]} THEN 'small' WHEN "sizeBytes" < ${SIZE_BINS[1]} THEN 'medium' ELSE 'large' END AS bucket,
             count(*) AS count
      FROM "Document" GROUP BY 1`,
    db.appConnection.count({ where: { revokedAt: null } }),
    db.$queryRaw<{ name: string; connections: bigint }[]>`
      SELECT a.name, count(*) AS connections FROM "AppConnection" c JOIN "CatalogApp" a ON a.id = c."appId"
      WHERE c."revokedAt" IS NULL GROUP BY a.id, a.name ORDER BY connections DESC, a.name LIMIT 5`,
    db.supportTicket.groupBy({ by: ["status"], _count: { _all: true } }),
    db.$queryRaw<{ bucket: string; count: bigint }[]>`
      SELECT to_char(("createdAt" AT TIME ZONE 'Europe/Paris')::date, 'YYYY-MM-DD') AS bucket, count(*) AS count
      FROM "SecurityEvent"
      WHERE kind IN ('LOGIN_PASSWORD_FAILED', 'LOGIN_SECOND_FACTOR_FAILED') AND "createdAt" >= (${days[0]}::date)::timestamp AT TIME ZONE 'Europe/Paris'
      GROUP BY 1`,
  ]);

  const byStatus: Record<AccountStatus, number> = { PENDING_VERIFICATION: 0, ACTIVE: 0, DISABLED: 0, CLOSED: 0 };
  for (const row of statuses) byStatus[row.status] = row._count._all;
  const bySize: Record<SizeBin, number> = { small: 0, medium: 0, large: 0, noFile: 0 };
  for (const row of sizes) bySize[row.bucket] = num(row.count);
  const ticketCounts: Record<TicketStatus, number> = { OPEN: 0, ANSWERED: 0, CLOSED: 0 };
  for (const row of tickets) ticketCounts[row.status] = row._count._all;

  return {
    accounts: {
      total: Object.values(byStatus).reduce((sum, count) => sum + count, 0),
      byStatus,
      createdPerWeek: fill(weeks, perWeek).map(({ key, count }) => ({ week: key, count })),
    },
    secondFactor: { active: num(factor[0]?.active), withFactor: num(factor[0]?.withFactor) },
    documents: { count: num(documents[0]?.count), inBin: num(documents[0]?.inBin), storageBytes: num(documents[0]?.bytes), bySize },
    apps: { activeConnections, top: topApps.map((app) => ({ name: app.name, connections: num(app.connections) })) },
    tickets: ticketCounts,
    failedLogins: fill(days, failures).map(({ key, count }) => ({ day: key, count })),
  };
}
