"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { requestPasswordResetAction } from "@/app/(public)/mot-de-passe-oublie/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { EmailField } from "@/components/ui/email-field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { ActionAlert } from "@/components/ui/action-alert";

/** The answer never says whether the address has an account. */
export function PasswordResetRequestForm() {
  const t = useTranslations("passwordReset.request");
  const [state, action, pending] = useActionState(requestPasswordResetAction, null);
  if (state?.ok) return <FormAlert kind="success">{t("sent", { email: state.data.email })}</FormAlert>;
  return (
    <form action={action} onSubmit={keepInputsOnSubmit(action)} className="space-y-5">
      <ActionAlert state={state} returnTo="/mot-de-passe-oublie" />
      <EmailField label={t("email")} hint={t("emailHint")} error={state && !state.ok ? state.fieldErrors?.email : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
