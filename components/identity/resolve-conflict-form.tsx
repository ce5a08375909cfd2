"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { labelClass } from "@/components/ui/field-classes";
import type { ActionResult } from "@/lib/server/action/action-result";

type Action = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

/** Support's decision on an identity conflict, with the reason the staff log keeps. */
export function ResolveConflictForm({ action, conflictId }: { action: Action; conflictId: string }) {
  const t = useTranslations("identity.support");
  const [state, dispatch, pending] = useActionState(action, null);
  const error = (field: string) => (state && !state.ok ? state.fieldErrors?.[field] : undefined);
  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} noValidate className="max-w-2xl space-y-4">
      <input type="hidden" name="conflictId" value={conflictId} />
      <ActionAlert state={state} fieldErrors="hide" />
      {state?.ok && <FormAlert kind="success">{t("resolved")}</FormAlert>}
      <fieldset aria-describedby={error("resolution") ? "resolution-error" : undefined}>
        <legend className={labelClass}>{t("resolution")}</legend>
        {(["KEPT_HOLDER", "MOVED_TO_CLAIMANT"] as const).map((value) => (
          <div key={value} className="mt-2 flex items-start gap-2">
            <input type="radio" id={`resolution-${value}`} name="resolution" value={value} className="mt-1 h-4 w-4" />
            <label htmlFor={`resolution-${value}`}>{t(`resolutions.${value}`)}</label>
          </div>
        ))}
        {error("resolution") && (
          <p id="resolution-error" className="mt-1 text-sm font-medium text-red-800">
            {error("resolution")}
          </p>
        )}
      </fieldset>
      <TextAreaField id="resolution-reason" label={t("reason")} error={error("reason")} name="reason" rows={3} maxLength={1000} />
      <Button type="submit" disabled={pending}>
        {t("resolve")}
      </Button>
    </form>
  );
}
