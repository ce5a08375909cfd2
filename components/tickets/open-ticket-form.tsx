"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
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
      <SelectField id="ticket-topic" label={t("form.topic")} error={errors.topic} name="topic" required defaultValue="">
        <option value="">{t("form.chooseTopic")}</option>
        {TICKET_TOPICS.map((topic) => (
          <option key={topic} value={topic}>
            {t(`topics.${topic}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="ticket-subject"
        name="subject"
        label={t("form.subject")}
        hint={t("form.subjectHint")}
        error={errors.subject}
        required
        maxLength={TICKET_SUBJECT_MAX}
        autoComplete="off"
      />
      <TextAreaField
        id="ticket-message"
        label={t("form.message")}
        hint={t("form.messageHint")}
        error={errors.message}
        describedBy="ticket-warning"
        name="message"
        rows={8}
        required
        maxLength={TICKET_MESSAGE_MAX}
      />
      <ActionAlert state={state} fieldErrors="message" />
      <Button type="submit" disabled={pending}>
        {t("new.send")}
      </Button>
    </form>
  );
}
