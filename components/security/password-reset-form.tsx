"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { completePasswordResetAction } from "@/app/(public)/mot-de-passe-oublie/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { ActionAlert } from "@/components/ui/action-alert";
import { PasswordField } from "@/components/ui/password-field";

export function PasswordResetForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("passwordReset.complete");
  const tForm = useTranslations("security.form");
  const [state, action, pending] = useActionState(completePasswordResetAction, null);
  if (state?.ok) {
    return (
      <FormAlert kind="success">
        <p>{t("done")}</p>
        <p className="mt-2">
          <Link href="/connexion" className="font-medium underline">
            {t("signIn")}
          </Link>
        </p>
      </FormAlert>
    );
  }
  return (
    <form action={action} onSubmit={keepInputsOnSubmit(action)} className="space-y-5">
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <ActionAlert state={state} returnTo="/mot-de-passe-oublie" />
      <PasswordField
        name="password"
        label={t("password")}
        hint={tForm("passwordHint", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        error={state && !state.ok ? state.fieldErrors?.password : undefined}
      />
      <p className="text-sm text-muted">{t("secondFactorStill")}</p>
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
