import { z } from "zod";
import { staffReason } from "@/lib/schemas/staff-reason";
import { ALL_CRITERIA, CRITERION_OUTCOMES, type CriterionKey, type CriterionOutcome } from "./criteria";
import { CURATION_DECISIONS } from "./app-status";
import { REPORT_REASONS } from "./themes";

/**
 * The curation forms. The checklist's fields are flat (`outcome_<KEY>`, `note_<KEY>`) so that the form
 * posts as it is, with or without JavaScript.
 */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const checklistFields: Record<string, z.ZodType> = Object.fromEntries(
  ALL_CRITERIA.flatMap((criterion) => [
    [`outcome_${criterion}`, z.preprocess(blankToUndefined, z.enum(CRITERION_OUTCOMES).optional())],
    [`note_${criterion}`, z.preprocess(blankToUndefined, z.string().trim().max(1000, "catalogue.form.errors.tooLong").optional())],
  ]),
);

export const criteriaReviewSchema = z
  .object({ ...checklistFields, appId: z.uuid() })
  .transform((value): { appId: string; reviews: { criterion: CriterionKey; outcome: CriterionOutcome; note: string | null }[] } => {
    const fields = value as Record<string, string | undefined>;
    return {
      appId: value.appId as string,
      reviews: ALL_CRITERIA.flatMap((criterion) => {
        const outcome = fields[`outcome_${criterion}`] as CriterionOutcome | undefined;
        return outcome ? [{ criterion, outcome, note: fields[`note_${criterion}`] ?? null }] : [];
      }),
    };
  });
export type CriteriaReviewInput = z.output<typeof criteriaReviewSchema>;

/** The checklist as the service takes it (what the form's schema produces). */
export const criteriaReviewsSchema = z.object({
  appId: z.uuid(),
  reviews: z
    .array(
      z.object({
        criterion: z.enum(ALL_CRITERIA as [CriterionKey, ...CriterionKey[]]),
        outcome: z.enum(CRITERION_OUTCOMES),
        note: z.string().trim().max(1000).nullable(),
      }),
    )
    .max(ALL_CRITERIA.length),
});

export const decisionSchema = z.object({
  appId: z.uuid(),
  decision: z.enum(
    Object.keys(CURATION_DECISIONS) as [keyof typeof CURATION_DECISIONS, ...(keyof typeof CURATION_DECISIONS)[]],
    "catalogue.curation.errors.decision",
  ),
  reason: staffReason,
});

export const reportSchema = z.object({
  appId: z.uuid(),
  reason: z.enum(REPORT_REASONS, "catalogue.report.errors.reason"),
  message: z.preprocess(blankToUndefined, z.string().trim().max(1000, "catalogue.form.errors.tooLong").optional()),
});

export const resolveReportSchema = z.object({ reportId: z.uuid() });
