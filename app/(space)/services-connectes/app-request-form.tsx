"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action/action-result";

/** Both actions redirect on success, so they never return data. */
type Action = (previous: ActionResult<never> | null, fields: { connectionId: string }) => Promise<ActionResult<never>>;

/**
 * The patient's answer to an app's new request: accept it, or keep the connection as it is. Each
 * action redirects to the refreshed list with its outcome; a refusal is shown here.
 */
export function AppRequestForm({
  connectionId,
  appName,
  accept,
  decline,
}: {
  connectionId: string;
  appName: string;
  accept: Action;
  decline: Action;
}) {
  const t = useTranslations("apps.reconsent");
  const [acceptState, acceptDispatch, accepting] = useActionState<ActionResult<never> | null, FormData>(
    (previous) => accept(previous, { connectionId }),
    null,
  );
  const [declineState, declineDispatch, declining] = useActionState<ActionResult<never> | null, FormData>(
    (previous) => decline(previous, { connectionId }),
    null,
  );
  const busy = accepting || declining;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        <form action={acceptDispatch}>
          <Button type="submit" disabled={busy}>
            {t("accept")}
            <span className="sr-only"> ({appName})</span>
          </Button>
        </form>
        <form action={declineDispatch}>
          <Button type="submit" variant="secondary" disabled={busy}>
            {t("keep")}
            <span className="sr-only"> ({appName})</span>
          </Button>
        </form>
      </div>
      <ActionAlert state={acceptState} fieldErrors="message" />
      <ActionAlert state={declineState} fieldErrors="message" />
    </div>
  );
}
