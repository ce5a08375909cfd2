"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { useAnnounce } from "@/components/ui/live-region";
import type { ActionResult } from "@/lib/server/action/action-result";

type Action = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

export type ChecklistItem = { name: string; label: string };

/**
 * One support action on an account: a mandatory reason (and, for the second-factor reset, the
 * identity checklist), then the server action. Destructive actions (`confirm`) first show a button;
 * the form that opens is the confirmation step, with its warning and a "confirm" button. The result
 * is announced in the admin pages' live region, since the form may leave the refreshed page.
 */
export function AccountActionForm({
  action,
  userId,
  submitLabel,
  success,
  confirm,
  checklist,
}: {
  action: Action;
  userId: string;
  submitLabel: string;
  success: string;
  confirm?: { open: string; warning: string };
  checklist?: { legend: string; items: ChecklistItem[] };
}) {
  const t = useTranslations("support.actions");
  const reasonText = useTranslations("admin.reason");
  const announce = useAnnounce();
  const id = useId();
  const [open, setOpen] = useState(!confirm);
  const formRef = useRef<HTMLFormElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const [state, dispatch, pending] = useActionState<ActionResult<null> | null, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok) {
      announce(success);
      formRef.current?.reset();
      if (confirm) {
        setOpen(false);
        requestAnimationFrame(() => openButton.current?.focus());
      }
    }
    return result;
  }, null);

  // Opening the confirmation step takes the focus to its first field.
  const confirming = Boolean(confirm) && open;
  useEffect(() => {
    if (confirming) (formRef.current?.querySelector<HTMLElement>("input[type=checkbox], textarea") ?? reasonRef.current)?.focus();
  }, [confirming]);

  const failure = state && !state.ok ? state : null;
  const reasonError = failure?.fieldErrors?.reason;
  const checklistError = checklist?.items.map((item) => failure?.fieldErrors?.[item.name]).find(Boolean);

  if (!open) {
    return (
      <Button ref={openButton} type="button" aria-expanded="false" variant="secondary" onClick={() => setOpen(true)}>
        {confirm!.open}
      </Button>
    );
  }

  return (
    <form ref={formRef} action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-4" noValidate>
      <input type="hidden" name="userId" value={userId} />
      {checklist && (
        <fieldset className="space-y-2" aria-describedby={checklistError ? `${id}-checklist-error` : undefined}>
          <legend className="font-medium">{checklist.legend}</legend>
          {checklist.items.map((item) => (
            <div key={item.name} className="flex items-start gap-2">
              <input
                id={`${id}-${item.name}`}
                name={item.name}
                type="checkbox"
                required
                aria-invalid={checklistError ? true : undefined}
                className="mt-1 h-4 w-4"
              />
              <label htmlFor={`${id}-${item.name}`}>{item.label}</label>
            </div>
          ))}
          {checklistError && (
            <p id={`${id}-checklist-error`} className="text-sm font-medium text-red-800">
              {checklistError}
            </p>
          )}
        </fieldset>
      )}
      <TextAreaField
        id={`${id}-reason`}
        label={reasonText("label")}
        hint={reasonText("hint")}
        error={reasonError}
        ref={reasonRef}
        name="reason"
        rows={2}
        required
        minLength={10}
        maxLength={1000}
      />
      {confirm && <p className="font-medium">{confirm.warning}</p>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={confirm ? "primary" : "secondary"} disabled={pending}>
          {pending ? t("sending") : submitLabel}
        </Button>
        {confirm && (
          <Button
            type="button"
            variant="link"
            onClick={() => {
              setOpen(false);
              requestAnimationFrame(() => openButton.current?.focus());
            }}
          >
            {t("cancel")}
          </Button>
        )}
      </div>
      {/* As every form with an action: field errors point to the fields, and a sign-in that grew old since
          the page loaded comes with the way to confirm it is them. */}
      <ActionAlert state={failure} returnTo={`/admin/comptes/${userId}`} />
    </form>
  );
}
