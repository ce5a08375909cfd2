"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action/action-result";
import { OneTimeCodeField } from "./one-time-code-field";

export type ConfirmAction = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

/** The code that confirms a further e-mail or SMS factor, for someone already signed in. */
export function CodeConfirmForm({
  factorId,
  confirm,
  minutes,
  onConfirmed,
}: {
  factorId: string;
  confirm: ConfirmAction;
  minutes: number;
  onConfirmed: () => void;
}) {
  const t = useTranslations("codes");
  const id = useId();
  const fieldId = `${id}-code`;
  const [state, action, pending] = useActionState(async (previous: ActionResult<null> | null, form: FormData) => {
    const result = await confirm(previous, form);
    if (result.ok) onConfirmed();
    return result;
  }, null);
  const error = state && !state.ok ? (state.fieldErrors?.code ?? state.message) : null;

  useEffect(() => {
    document.getElementById(fieldId)?.focus();
  }, [fieldId, state]);

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="factorId" value={factorId} />
      <OneTimeCodeField id={fieldId} label={t("form.codeLabel")} hint={t("form.codeHint", { minutes })} error={error} />
      <Button type="submit" disabled={pending}>
        {pending ? t("enrol.confirming") : t("enrol.confirm")}
      </Button>
    </form>
  );
}
