"use client";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { useAnnounce } from "@/components/ui/live-region";
import { TICKET_MESSAGE_MAX } from "@/lib/schemas/support-ticket";
import type { ActionResult } from "@/lib/server/action/action-result";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A reply on a ticket, for the requester and for an agent alike (the labels and the action differ).
 * On success the text is cleared and the outcome announced; the refreshed page shows the message.
 */
export function MessageForm<T>({ action, ticketId, label, hint, send, sent }: { action: Action<T>; ticketId: string; label: string; hint: string; send: string; sent: string }) {
  const announce = useAnnounce();
  const text = useRef<HTMLTextAreaElement>(null);
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok) {
      if (text.current) text.current.value = "";
      announce(sent);
    }
    return result;
  }, null);
  const error = state && !state.ok ? (state.fieldErrors?.message ?? state.message) : undefined;
  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} noValidate className="max-w-2xl space-y-3">
      <input type="hidden" name="ticketId" value={ticketId} />
      <div>
        <label htmlFor="ticket-reply" className={labelClass}>
          {label}
        </label>
        <p id="ticket-reply-hint" className="mt-1 text-sm text-muted">
          {hint}
        </p>
        <textarea
          ref={text}
          id="ticket-reply"
          name="message"
          rows={6}
          required
          maxLength={TICKET_MESSAGE_MAX}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "ticket-reply-hint ticket-reply-error" : "ticket-reply-hint"}
          className={fieldClass}
        />
        {error && (
          <p id="ticket-reply-error" className="mt-1 text-sm font-medium text-red-800">
            {error}
          </p>
        )}
      </div>
      {state?.ok && <FormAlert kind="success">{sent}</FormAlert>}
      <Button type="submit" disabled={pending}>
        {send}
      </Button>
    </form>
  );
}
