"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { EmailField } from "@/components/ui/email-field";
import { TextField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import type { ActionResult } from "@/lib/server/action/action-result";
import { ConfirmEmailForm } from "./confirm-email-form";

type SignUpAction = (previous: ActionResult<{ email: string }> | null, form: FormData) => Promise<ActionResult<{ email: string }>>;
type ConfirmAction = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function SignUpForm({ signUp, confirm, showOutboxHint }: { signUp: SignUpAction; confirm: ConfirmAction; showOutboxHint: boolean }) {
  const t = useTranslations("auth.signUp");
  const [state, action, pending] = useActionState(signUp, null);
  if (state?.ok) return <ConfirmEmailForm email={state.data.email} confirm={confirm} showOutboxHint={showOutboxHint} />;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} onSubmit={keepInputsOnSubmit(action)} className="space-y-5" noValidate>
      <p className="text-sm text-muted">{t("intro")}</p>
      <ActionAlert state={state} fieldErrors="hide" />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField name="firstName" label={t("firstName")} autoComplete="given-name" required maxLength={100} error={errors.firstName} />
        <TextField name="lastName" label={t("lastName")} autoComplete="family-name" required maxLength={100} error={errors.lastName} />
      </div>
      <TextField
        name="birthDate"
        type="date"
        label={t("birthDate")}
        hint={t("birthDateHint")}
        autoComplete="bday"
        required
        error={errors.birthDate}
      />
      <EmailField label={t("email")} error={errors.email} />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        minLength={12}
        error={errors.password}
      />
      <TextField name="nir" label={t("nir")} hint={t("nirHint")} inputMode="numeric" autoComplete="off" maxLength={21} error={errors.nir} />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
      <p className="text-sm">
        {t("haveAccount")}{" "}
        <Link href="/connexion" className="text-brand underline">
          {t("signIn")}
        </Link>
      </p>
    </form>
  );
}
