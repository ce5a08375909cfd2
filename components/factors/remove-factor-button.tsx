"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { removeFactorAction } from "@/app/(space)/securite/actions";
import { Button } from "@/components/ui/button";
import { ActionAlert } from "@/components/ui/action-alert";

/**
 * Removes one second factor of any kind (by id), after a second click: taking away a way in is
 * serious enough to ask twice. The server refuses the last factor and asks for re-authentication
 * when the sign-in is not recent. Usable by every factor section of the "Sécurité" page.
 */
export function RemoveFactorButton({ factorId, name, returnTo = "/securite" }: { factorId: string; name: string; returnTo?: string }) {
  const t = useTranslations("security.factors");
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(removeFactorAction, null);
  return (
    <div className="space-y-2">
      {confirming ? (
        <form action={action} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="factorId" value={factorId} />
          <span>{t("removeQuestion", { name })}</span>
          <Button type="submit" disabled={pending}>
            {t("removeConfirm")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            {t("removeCancel")}
          </Button>
        </form>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {t("remove")}
          <span className="sr-only"> {name}</span>
        </Button>
      )}
      <ActionAlert state={state} returnTo={returnTo} />
    </div>
  );
}
