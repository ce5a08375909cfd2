"use client";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { reportAppAction } from "@/app/(public)/catalogue/actions";
import { REPORT_REASONS } from "@/lib/catalogue/themes";
import type { ActionResult } from "@/lib/server/action/action-result";

/**
 * "Signaler ce service": a reason and an optional message. The confirmation goes to a live region
 * that is in the page from the start, so it is announced when its text arrives.
 */
export function ReportForm({ appId }: { appId: string }) {
  const t = useTranslations("catalogue.report");
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<ActionResult<{ reportId: string }> | null, FormData>(async (previous, form) => {
    const result = await reportAppAction(previous, form);
    if (result.ok) formRef.current?.reset();
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <form ref={formRef} action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-4" noValidate>
      <input type="hidden" name="appId" value={appId} />
      <fieldset aria-describedby={errors.reason ? "report-reason-error" : undefined} className="space-y-2">
        <legend className="font-semibold">{t("reasonLegend")}</legend>
        {REPORT_REASONS.map((reason) => (
          <label key={reason} className="flex items-center gap-2">
            <input type="radio" name="reason" value={reason} required className="h-4 w-4" />
            {t(`reasons.${reason}`)}
          </label>
        ))}
        {errors.reason && (
          <p id="report-reason-error" className="text-sm font-medium text-red-800">
            {errors.reason}
          </p>
        )}
      </fieldset>
      <TextAreaField
        id="report-message"
        label={t("message")}
        hint={t("messageHint")}
        error={errors.message}
        name="message"
        rows={4}
        maxLength={1000}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("submit")}
      </Button>
      <ActionAlert state={state} fieldErrors="hide" />
      <div
        role="status"
        aria-live="polite"
        className={state?.ok ? "rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900" : "sr-only"}
        data-testid="report-status"
      >
        {state?.ok ? t("sent") : ""}
      </div>
    </form>
  );
}
