import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";

/**
 * The curators' queue: submissions waiting for review (oldest first), open reports with their app
 * (oldest first), and every app by status. Reports carry the reporter's words but not who they are.
 */
export async function listCurationQueue({ db }: Ctx) {
  const [submitted, reports, apps] = await Promise.all([
    db.catalogApp.findMany({
      where: { status: "SUBMITTED" },
      select: { id: true, name: true, publisher: true, theme: true, createdAt: true, _count: { select: { reviews: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 200,
    }),
    db.catalogReport.findMany({
      where: { resolvedAt: null },
      select: { id: true, reason: true, message: true, createdAt: true, app: { select: { id: true, name: true, status: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 200,
    }),
    db.catalogApp.findMany({
      select: { id: true, name: true, publisher: true, status: true, statusChangedAt: true },
      orderBy: [{ status: "asc" }, { name: "asc" }],
      take: 1000,
    }),
  ]);
  return { submitted, reports, apps };
}
export type CurationQueue = Awaited<ReturnType<typeof listCurationQueue>>;
