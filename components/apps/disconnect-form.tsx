"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { useAnnounce } from "@/components/ui/live-region";
import type { ActionResult } from "@/lib/server/action/action-result";

/**
 * "Déconnecter" with a confirmation: the first press shows what it does and the real button, which
 * takes the focus; "Annuler" goes back. The outcome is announced in the page's live region, and the
 * focus goes to the list's heading, since this row leaves the refreshed page.
 */
export function DisconnectForm({
  connectionId,
  appName,
  action,
  focusAfter,
}: {
  connectionId: string;
  appName: string;
  action: (previous: ActionResult<null> | null, fields: { connectionId: string }) => Promise<ActionResult<null>>;
  focusAfter: string;
}) {
  const t = useTranslations("apps.manage");
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const [state, dispatch, pending] = useActionState<ActionResult<null> | null, FormData>(async (previous) => {
    const result = await action(previous, { connectionId });
    if (result.ok) {
      announce(t("disconnected", { app: appName }));
      document.getElementById(focusAfter)?.focus();
    }
    return result;
  }, null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const error = <ActionAlert state={state} fieldErrors="message" />;
  if (!confirming) {
    return (
      <div className="space-y-2">
        <Button ref={openRef} type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {t("disconnect")}
          <span className="sr-only"> ({appName})</span>
        </Button>
        {error}
      </div>
    );
  }
  return (
    <form action={dispatch} className="space-y-2 rounded border border-red-700 p-3">
      <p className="text-sm">{t("disconnectWarning", { app: appName })}</p>
      <div className="flex flex-wrap gap-2">
        <Button ref={confirmRef} type="submit" disabled={pending}>
          {t("disconnectConfirm")}
          <span className="sr-only"> ({appName})</span>
        </Button>
        <Button
          type="button"
          variant="link"
          onClick={() => {
            setConfirming(false);
            requestAnimationFrame(() => openRef.current?.focus());
          }}
        >
          {t("cancel")}
        </Button>
      </div>
      {error}
    </form>
  );
}
