"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { useAnnounce } from "@/components/ui/live-region";
import type { ActionResult } from "@/lib/server/action/action-result";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** Assigning a ticket to any active support agent, from a list (the service checks the role again). */
export function AssignForm<T>({
  action,
  ticketId,
  agents,
  currentId,
}: {
  action: Action<T>;
  ticketId: string;
  agents: { id: string; name: string }[];
  currentId: string | null;
}) {
  const t = useTranslations("tickets.admin.ticket");
  const announce = useAnnounce();
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok) announce(t("assigned"));
    return result;
  }, null);
  const error = state && !state.ok ? (state.fieldErrors?.assigneeId ?? state.message) : undefined;
  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="ticketId" value={ticketId} />
      <SelectField id="ticket-assignee" label={t("assignTo")} name="assigneeId" required defaultValue={currentId ?? ""}>
        <option value="" disabled>
          {t("chooseAgent")}
        </option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("assign")}
      </Button>
      {error && (
        <div id="ticket-assignee-error" className="w-full">
          <FormAlert>{error}</FormAlert>
        </div>
      )}
    </form>
  );
}
