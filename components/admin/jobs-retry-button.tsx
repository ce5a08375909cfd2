"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/server/action/action-result";

type Result = ActionResult<{ task: string }>;

/**
 * "Retry now" for one failed job. The words come from the server page (already translated), so this
 * component needs no catalogue of its own; the outcome is said next to the button (role=status/alert).
 */
export function JobsRetryButton({
  jobId,
  label,
  pendingLabel,
  doneLabel,
  action,
}: {
  jobId: string;
  /** The button's accessible name, naming the job ("Retry job 42 now"). */
  label: string;
  pendingLabel: string;
  doneLabel: string;
  action: (previous: Result | null, form: FormData) => Promise<Result>;
}) {
  const [state, dispatch, pending] = useActionState<Result | null, FormData>(action, null);
  return (
    <form action={dispatch} className="space-y-2">
      <input type="hidden" name="jobId" value={jobId} />
      <Button type="submit" variant="secondary" disabled={pending || state?.ok === true}>
        {pending ? pendingLabel : label}
      </Button>
      {state?.ok && <FormAlert kind="success">{doneLabel}</FormAlert>}
      {state && !state.ok && <FormAlert>{state.message}</FormAlert>}
    </form>
  );
}
