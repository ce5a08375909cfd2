"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setAlertSettingsAction } from "@/app/(space)/acces/actions";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";

/** The one alert a patient may turn off: the e-mail on a professional's first access. */
export function AlertSettingsForm({ firstAccessByEmail }: { firstAccessByEmail: boolean }) {
  const t = useTranslations("access.alerts");
  const [state, dispatch, pending] = useActionState(setAlertSettingsAction, null);
  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-3">
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="firstAccessByEmail"
          defaultChecked={firstAccessByEmail}
          className="mt-1 h-4 w-4"
          aria-describedby="alerts-in-app"
        />
        {t("firstAccessByEmail")}
      </label>
      <p id="alerts-in-app" className="text-sm text-muted">
        {t("inApp")}
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("save")}
      </Button>
      <ActionAlert state={state} fieldErrors="message" />
      {state?.ok && <FormAlert kind="success">{t("saved")}</FormAlert>}
    </form>
  );
}
