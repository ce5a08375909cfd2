"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { TICKET_MESSAGE_MAX, TICKET_SUBJECT_MAX, TICKET_TOPICS } from "@/lib/schemas/support-ticket";
import type { ActionResult } from "@/lib/server/action/action-result";

type Action = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

/**
 * A new ticket: topic, subject, message. The warning against health details and attachments comes
 * first and is tied to the message field. On success the action opens the ticket's page.
 */
export function OpenTicketForm({ action }: { action: Action }) {
  const t = useTranslations("tickets");
  const [state, dispatch, pending] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} noValidate className="max-w-2xl space-y-5">
      <p id="ticket-warning" className="rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3">
        {t("new.warning")}
      </p>
      <div>
        <label htmlFor="ticket-topic" className={labelClass}>
          {t("form.topic")}
        </label>
        <select id="ticket-topic" name="topic" required defaultValue="" aria-invalid={errors.topic ? true : undefined} aria-describedby={errors.topic ? "ticket-topic-error" : undefined} className={fieldClass}>
          <option value="">{t("form.chooseTopic")}</option>
          {TICKET_TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {t(`topics.${topic}`)}
            </option>
          ))}
        </select>
        {errors.topic && (
          <p id="ticket-topic-error" className="mt-1 text-sm font-medium text-red-800">
            {errors.topic}
          </p>
        )}
      </div>
      <TextField id="ticket-subject" name="subject" label={t("form.subject")} hint={t("form.subjectHint")} error={errors.subject} required maxLength={TICKET_SUBJECT_MAX} autoComplete="off" />
      <div>
        <label htmlFor="ticket-message" className={labelClass}>
          {t("form.message")}
        </label>
        <p id="ticket-message-hint" className="mt-1 text-sm text-muted">
          {t("form.messageHint")}
        </p>
        <textarea
          id="ticket-message"
          name="message"
          rows={8}
          required
          maxLength={TICKET_MESSAGE_MAX}
          aria-invalid={errors.message ? true : undefined}
          aria-describedby={["ticket-warning", "ticket-message-hint", errors.message ? "ticket-message-error" : ""].filter(Boolean).join(" ")}
          className={fieldClass}
        />
        {errors.message && (
          <p id="ticket-message-error" className="mt-1 text-sm font-medium text-red-800">
            {errors.message}
          </p>
        )}
      </div>
      {state && !state.ok && <FormAlert>{state.message}</FormAlert>}
      <Button type="submit" disabled={pending}>
        {t("new.send")}
      </Button>
    </form>
  );
}
