"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { confirmEmailChangeAction, requestEmailChangeAction } from "@/app/(space)/securite/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { ActionAlert } from "@/components/ui/action-alert";

/** Two steps: the new address, then the code sent to it. The account changes only after the code. */
export function ChangeEmailForm({ currentEmail }: { currentEmail: string }) {
  const t = useTranslations("security.email");
  const [requested, request, requesting] = useActionState(requestEmailChangeAction, null);
  const [confirmed, confirm, confirming] = useActionState(confirmEmailChangeAction, null);
  // "Use another address" goes back to the first step; sending again leaves it.
  const [editing, setEditing] = useState(false);
  const sentTo = requested?.ok && !editing && !requesting ? requested.data.sentTo : null;

  if (confirmed?.ok) return <FormAlert kind="success">{t("changed", { email: confirmed.data.email })}</FormAlert>;

  if (sentTo) {
    return (
      <form action={confirm} onSubmit={keepInputsOnSubmit(confirm)} className="max-w-xl space-y-4">
        <FormAlert kind="info">{t("codeSent", { email: sentTo })}</FormAlert>
        <ActionAlert state={confirmed} returnTo="/securite" />
        <TextField
          name="code"
          label={t("code")}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          maxLength={20}
          error={confirmed && !confirmed.ok ? confirmed.fieldErrors?.code : undefined}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={confirming}>
            {t("confirm")}
          </Button>
          <Button type="button" variant="link" onClick={() => setEditing(true)}>
            {t("restart")}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form
      action={request}
      onSubmit={(event) => {
        setEditing(false);
        keepInputsOnSubmit(request)(event);
      }}
      className="max-w-xl space-y-4"
    >
      <p>{t("current", { email: currentEmail })}</p>
      <ActionAlert state={requested} returnTo="/securite" />
      <TextField
        name="email"
        type="email"
        label={t("new")}
        autoComplete="email"
        required
        maxLength={254}
        error={requested && !requested.ok ? requested.fieldErrors?.email : undefined}
      />
      <Button type="submit" disabled={requesting}>
        {t("sendCode")}
      </Button>
    </form>
  );
}
