"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { changePasswordAction } from "@/app/(space)/securite/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { ActionAlert } from "@/components/ui/action-alert";
import { PasswordField } from "@/components/ui/password-field";

export function ChangePasswordForm() {
  const t = useTranslations("security.password");
  const tPolicy = useTranslations("security.form");
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const form = useRef<HTMLFormElement>(null);
  // Typed passwords stay while the server refuses one of them, and go once the change is done.
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  return (
    <form ref={form} action={action} onSubmit={keepInputsOnSubmit(action)} className="max-w-xl space-y-4" aria-labelledby="password-title">
      <ActionAlert state={state} returnTo="/securite" />
      {state?.ok && <FormAlert kind="success">{t("changed", { count: state.data.otherSessionsEnded })}</FormAlert>}
      <PasswordField
        name="currentPassword"
        label={t("current")}
        autoComplete="current-password"
        required
        error={fieldError("currentPassword")}
      />
      <PasswordField
        name="newPassword"
        label={t("new")}
        hint={tPolicy("passwordHint", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        error={fieldError("newPassword")}
      />
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
