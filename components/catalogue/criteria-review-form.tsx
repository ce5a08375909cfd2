"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { reviewCriteriaAction } from "@/app/admin/catalogue/actions";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { useAnnounce } from "@/components/ui/live-region";
import { fieldClass } from "@/components/ui/field-classes";
import { CRITERIA_FAMILIES, CRITERION_FAMILIES, CRITERION_OUTCOMES, type CriterionOutcome } from "@/lib/catalogue/criteria";
import type { ActionResult } from "@/lib/server/action/action-result";

export type CurrentReview = { outcome: CriterionOutcome; note: string | null; reviewedAt: string };

/**
 * The curator's checklist: per criterion, a radio group (fieldset and legend) and a note. Flat field
 * names, so it posts as it is; the outcome is announced in the admin pages' live region.
 */
export function CriteriaReviewForm({ appId, current }: { appId: string; current: Record<string, CurrentReview | undefined> }) {
  const t = useTranslations("catalogue");
  const announce = useAnnounce();
  const [state, dispatch, pending] = useActionState<ActionResult<{ changed: number }> | null, FormData>(async (previous, form) => {
    const result = await reviewCriteriaAction(previous, form);
    if (result.ok) announce(t("curation.review.saved", { count: result.data.changed }));
    return result;
  }, null);

  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-8" data-testid="criteria-form">
      <input type="hidden" name="appId" value={appId} />
      {CRITERION_FAMILIES.map((family) => (
        <div key={family} className="space-y-4">
          <h3 className="text-xl font-semibold">{t(`file.families.${family}`)}</h3>
          {CRITERIA_FAMILIES[family].map((criterion) => {
            const label = t(`file.criteria.${criterion}.label`);
            const review = current[criterion];
            return (
              <div key={criterion} className="space-y-2 rounded border border-gray-300 p-3">
                <fieldset aria-describedby={`hint-${criterion}`}>
                  <legend className="font-semibold">{t("curation.review.outcomeLegend", { criterion: label })}</legend>
                  <p id={`hint-${criterion}`} className="text-sm text-muted">
                    {t(`file.criteria.${criterion}.hint`)}
                    {review && <> · {t("curation.review.lastReview", { date: review.reviewedAt })}</>}
                  </p>
                  <div className="mt-1 flex flex-wrap gap-4">
                    {CRITERION_OUTCOMES.map((outcome) => (
                      <label key={outcome} className="flex items-center gap-2">
                        <input
                          type="radio"
                          name={`outcome_${criterion}`}
                          value={outcome}
                          defaultChecked={review?.outcome === outcome}
                          className="h-4 w-4"
                        />
                        {t(`file.outcomes.${outcome}`)}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <div>
                  <label htmlFor={`note-${criterion}`} className="block text-sm font-medium">
                    {t("curation.review.note", { criterion: label })}
                  </label>
                  <textarea
                    id={`note-${criterion}`}
                    name={`note_${criterion}`}
                    rows={2}
                    maxLength={1000}
                    defaultValue={review?.note ?? ""}
                    className={fieldClass}
                  />
                </div>
              </div>
            );
          })}
        </div>
      ))}
      <ActionAlert state={state} fieldErrors="message" />
      <Button type="submit" disabled={pending}>
        {t("curation.review.save")}
      </Button>
    </form>
  );
}
