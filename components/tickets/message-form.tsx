"use client";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { useAnnounce } from "@/components/ui/live-region";
import { TICKET_MESSAGE_MAX } from "@/lib/schemas/support-ticket";
import type { ActionResult } from "@/lib/server/action/action-result";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A reply on a ticket, for the requester and for an agent alike (the labels and the action differ).
 * On success the text is cleared and the outcome announced; the refreshed page shows the message.
 */
export function MessageForm<T>({
  action,
  ticketId,
  label,
  hint,
  send,
  sent,
}: {
  action: Action<T>;
  ticketId: string;
  label: string;
  hint: string;
  send: string;
  sent: string;
}) {
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
      <TextAreaField
        id="ticket-reply"
        label={label}
        hint={hint}
        error={error}
        ref={text}
        name="message"
        rows={6}
        required
        maxLength={TICKET_MESSAGE_MAX}
      />
      {state?.ok && <FormAlert kind="success">{sent}</FormAlert>}
      <Button type="submit" disabled={pending}>
        {send}
      </Button>
    </form>
  );
}
