import "server-only";
import { criteriaReviewsSchema, type CriteriaReviewInput } from "@/lib/catalogue/curation-schemas";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";

/**
 * Saves the curator's checklist: each criterion whose outcome or note changed is upserted with today's
 * date and the reviewer, and audited, in one transaction. Unchanged criteria keep their review date,
 * so the public file says when each judgement was really made.
 */
export async function reviewCriteria(
  { db, ip, now }: Ctx,
  { staff, input }: { staff: StaffActor; input: CriteriaReviewInput },
): Promise<{ changed: number }> {
  const { appId, reviews } = criteriaReviewsSchema.parse(input);
  return db.$transaction(async (tx) => {
    const app = await tx.catalogApp.findUnique({
      where: { id: appId },
      select: { id: true, name: true, reviews: { select: { criterion: true, outcome: true, note: true } } },
    });
    if (!app) throw new AppError("NOT_FOUND", "Catalogue app not found for a review.");
    const current = new Map(app.reviews.map((review) => [review.criterion, review]));
    const reviewedAt = now();
    let changed = 0;
    for (const review of reviews) {
      const before = current.get(review.criterion);
      if (before && before.outcome === review.outcome && (before.note ?? null) === review.note) continue;
      const data = { outcome: review.outcome, note: review.note, reviewerId: staff.userId, reviewedAt };
      await tx.catalogCriterionReview.upsert({
        where: { appId_criterion: { appId, criterion: review.criterion } },
        create: { appId, criterion: review.criterion, ...data },
        update: data,
      });
      await recordStaffAction(tx, {
        staff,
        action: "CATALOG_CRITERION_REVIEWED",
        target: { appId, label: app.name },
        details: { criterion: review.criterion, outcome: review.outcome },
        ipAddress: ip,
      });
      changed++;
    }
    return { changed };
  });
}
