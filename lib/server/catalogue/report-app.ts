import "server-only";
import { PUBLIC_STATUSES } from "@/lib/catalogue/app-status";
import { reportSchema } from "@/lib/catalogue/curation-schemas";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { consumeRateLimit } from "@/lib/server/rate-limit/consume-rate-limit";
import type { z } from "zod";

/** Generous for someone with real concerns, useless for flooding the curators' queue. */
export const REPORT_LIMIT = { limit: 5, windowSeconds: 60 * 60 } as const;

/**
 * "Signaler ce service": a signed-in person's report reaches the curators' queue. Counted per account
 * before anything is written, so a refused report leaves no row.
 */
export async function reportApp({ db, actor }: SignedInCtx, input: z.input<typeof reportSchema>): Promise<{ reportId: string }> {
  const reporterId = actor.userId;
  const { appId, reason, message } = reportSchema.parse(input);
  const app = await db.catalogApp.findFirst({ where: { id: appId, status: { in: [...PUBLIC_STATUSES] } }, select: { id: true } });
  if (!app) throw new AppError("NOT_FOUND", "Catalogue app not found for a report.");
  const limit = await consumeRateLimit(db, { key: `catalogueReport:account:${reporterId}`, ...REPORT_LIMIT });
  if (!limit.allowed)
    throw new AppError("RATE_LIMITED", "Too many catalogue reports.", { messageKey: "catalogue.report.errors.rateLimited" });
  const report = await db.catalogReport.create({ data: { appId, reporterId, reason, message: message ?? null }, select: { id: true } });
  return { reportId: report.id };
}
