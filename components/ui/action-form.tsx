"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { ActionAlert } from "./action-alert";
import { Button } from "./button";
import { keepInputsOnSubmit } from "./use-kept-form";
import { useAnnounce } from "./live-region";
import type { ActionResult } from "@/lib/server/action/action-result";

/**
 * One button that runs one consent action (revoke, block, unblock, refuse, remove…), with hidden
 * fields. The outcome is announced in the page's live region, since the row holding the button may
 * disappear once the page refreshes; focus then goes to `focusAfter` (a heading with tabIndex -1).
 * With `confirm`, a first press shows a warning and the real button, which takes the focus.
 */
export function ActionForm<T>({
  action,
  fields,
  label,
  srLabel,
  success,
  focusAfter,
  confirm,
  variant = "secondary",
}: {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  label: string;
  srLabel?: string;
  success: string;
  focusAfter?: string;
  confirm?: { warning: string; label: string };
  variant?: "primary" | "secondary" | "link";
}) {
  const t = useTranslations("access.blocks");
  const announce = useAnnounce();
  // The outcome is announced from the action's own continuation, not an effect: the row holding
  // this form may be gone from the refreshed page before an effect of this component could run.
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok) {
      announce(success);
      if (focusAfter) document.getElementById(focusAfter)?.focus();
    }
    return result;
  }, null);
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  const wasConfirming = useRef(false);

  // Focus follows the step: the real button when the warning opens, the first button again on cancel.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) openButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const hidden = Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  const error = <ActionAlert state={state} fieldErrors="message" />;

  if (confirm && !confirming) {
    return (
      <div className="space-y-2">
        <Button ref={openButton} type="button" variant={variant} onClick={() => setConfirming(true)}>
          {label}
          {srLabel && <span className="sr-only"> ({srLabel})</span>}
        </Button>
        {error}
      </div>
    );
  }
  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-2">
      {hidden}
      {confirm && <p className="text-sm">{confirm.warning}</p>}
      <div className="flex flex-wrap gap-2">
        <Button ref={confirmButton} type="submit" variant={variant} disabled={pending}>
          {confirm ? confirm.label : label}
          {!confirm && srLabel && <span className="sr-only"> ({srLabel})</span>}
        </Button>
        {confirm && (
          <Button type="button" variant="link" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
        )}
      </div>
      {error}
    </form>
  );
}
