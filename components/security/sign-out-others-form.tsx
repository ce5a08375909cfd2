"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signOutOtherSessionsAction } from "@/app/(space)/securite/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ActionAlert } from "@/components/ui/action-alert";

/** Always mounted, so the confirmation survives the list refreshing without the other sessions. */
export function SignOutOthersForm({ others }: { others: number }) {
  const t = useTranslations("security.sessions");
  const [state, action, pending] = useActionState(signOutOtherSessionsAction, null);
  return (
    <form action={action} className="space-y-3">
      {others > 0 ? (
        <Button type="submit" disabled={pending}>
          {t("signOutOthers")}
        </Button>
      ) : (
        !state?.ok && <p>{t("noOthers")}</p>
      )}
      {state?.ok && <FormAlert kind="success">{t("signedOutOthers", { count: state.data.ended })}</FormAlert>}
      <ActionAlert state={state} returnTo="/securite" />
    </form>
  );
}
