"use client";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { decideAppStatusAction } from "@/app/admin/catalogue/actions";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { useAnnounce } from "@/components/ui/live-region";
import type { CurationDecision } from "@/lib/catalogue/app-status";
import type { ActionResult } from "@/lib/server/action/action-result";
import type { DecisionOutcome } from "@/lib/server/catalogue/decide-app-status";

/**
 * A decision on an app among those its status allows, with the mandatory public reason. Refusals
 * (a transition, an incomplete review, an unmet security criterion) come back in words.
 */
export function DecisionForm({ appId, decisions }: { appId: string; decisions: CurationDecision[] }) {
  const t = useTranslations("catalogue");
  const tAdmin = useTranslations("admin.reason");
  const announce = useAnnounce();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<ActionResult<DecisionOutcome> | null, FormData>(async (previous, form) => {
    const result = await decideAppStatusAction(previous, form);
    if (result.ok) {
      announce(
        `${t("curation.decide.done", { status: t(`statuses.${result.data.status}`) })} ${t("curation.decide.notified", { count: result.data.notifiedPatients })}`,
      );
      formRef.current?.reset();
    }
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  if (decisions.length === 0) return <p>{t("curation.decide.none")}</p>;
  return (
    <form
      ref={formRef}
      action={dispatch}
      onSubmit={keepInputsOnSubmit(dispatch)}
      className="space-y-4"
      noValidate
      data-testid="decision-form"
    >
      <input type="hidden" name="appId" value={appId} />
      <fieldset aria-describedby={errors.decision ? "decision-error" : undefined} className="space-y-2">
        <legend className="font-semibold">{t("curation.decide.legend")}</legend>
        {decisions.map((decision) => (
          <div key={decision}>
            <label className="flex items-center gap-2 font-medium">
              <input type="radio" name="decision" value={decision} aria-describedby={`decision-hint-${decision}`} className="h-4 w-4" />
              {t(`curation.decide.decisions.${decision}`)}
            </label>
            <p id={`decision-hint-${decision}`} className="ml-6 text-sm text-muted">
              {t(`curation.decide.hints.${decision}`)}
            </p>
          </div>
        ))}
        {errors.decision && (
          <p id="decision-error" className="text-sm font-medium text-red-800">
            {errors.decision}
          </p>
        )}
      </fieldset>
      <TextAreaField
        id="decision-reason"
        label={t("curation.decide.reason")}
        hint={tAdmin("hint")}
        error={errors.reason}
        name="reason"
        rows={3}
        maxLength={1000}
      />
      <ActionAlert state={state} fieldErrors="hide" />
      <Button type="submit" disabled={pending}>
        {t("curation.decide.submit")}
      </Button>
    </form>
  );
}
