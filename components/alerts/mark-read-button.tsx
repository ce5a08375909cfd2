"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { markAlertReadAction } from "@/app/(space)/alertes/actions";
import { Button } from "@/components/ui/button";

/** A form of one button, so it also works before the page's script has loaded. */
export function MarkReadButton({ alertId, label, describedBy }: { alertId: string; label: string; describedBy?: string }) {
  const t = useTranslations("history.alerts");
  const [state, send, pending] = useActionState(markAlertReadAction, null);
  return (
    <form action={send} className="inline">
      <input type="hidden" name="alertId" value={alertId} />
      <Button
        type="submit"
        variant={alertId === "all" ? "secondary" : "link"}
        className="text-sm"
        disabled={pending}
        aria-describedby={describedBy}
      >
        {label}
      </Button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {state.message}
        </span>
      )}
      {state?.ok && (
        <span role="status" className="sr-only">
          {alertId === "all" ? t("allMarked") : t("marked")}
        </span>
      )}
    </form>
  );
}
