"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { setEmergencyAccessAction } from "@/app/(space)/acces/actions";
import { ActionAlert } from "@/components/ui/action-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { useAnnounce } from "@/components/ui/live-region";

/** A switch (role="switch") that turns emergency access on or off at once, its state said in words too. */
export function EmergencySwitch({ enabled }: { enabled: boolean }) {
  const t = useTranslations("access.emergency");
  const announce = useAnnounce();
  const [state, dispatch, pending] = useActionState(setEmergencyAccessAction, null);
  useEffect(() => {
    if (state?.ok) announce(state.data.enabled ? t("turnedOn") : t("turnedOff"));
  }, [state, announce, t]);
  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-3">
      <input type="hidden" name="enabled" value={String(!enabled)} />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          role="switch"
          aria-checked={enabled}
          aria-labelledby="emergency-switch-label"
          aria-describedby="emergency-switch-state"
          disabled={pending}
          className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full border-2 border-ink transition-colors disabled:opacity-60 ${enabled ? "bg-brand" : "bg-white"}`}
        >
          <span
            aria-hidden="true"
            className={`inline-block h-5 w-5 rounded-full transition-transform ${enabled ? "translate-x-5 bg-white" : "translate-x-0.5 bg-ink"}`}
          />
        </button>
        <span id="emergency-switch-label" className="font-medium">
          {t("switchLabel")}
        </span>
      </div>
      <p id="emergency-switch-state" className="text-sm">
        {enabled ? t("on") : t("off")}
      </p>
      <ActionAlert state={state} fieldErrors="message" />
    </form>
  );
}
