"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/server/action/action-result";

type ConfirmAction = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

/** Second half of sign-up (and of signing in to an unconfirmed account): the code mailed to the address. */
export function ConfirmEmailForm({
  email,
  confirm,
  showOutboxHint,
  intro,
}: {
  email: string;
  confirm: ConfirmAction;
  showOutboxHint: boolean;
  intro?: string;
}) {
  const t = useTranslations("auth.signUp");
  const [state, action, pending] = useActionState(confirm, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormAlert kind="success">{t("confirmed")}</FormAlert>
        <Link href="/connexion" className="inline-block rounded bg-brand px-4 py-2 font-medium text-white">
          {t("goSignIn")}
        </Link>
      </div>
    );
  }
  const error = state && !state.ok ? (state.fieldErrors?.code ?? state.message) : undefined;
  return (
    <form action={action} className="space-y-5">
      <FormAlert kind="info">
        {intro ?? t("sent")}
        {showOutboxHint && (
          <>
            {" "}
            <Link href="/dev/outbox" className="underline">
              {t("devOutbox")}
            </Link>
          </>
        )}
      </FormAlert>
      <input type="hidden" name="email" value={email} />
      <TextField
        name="code"
        label={t("codeLabel")}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        error={error}
        autoFocus
      />
      <Button type="submit" disabled={pending}>
        {t("confirm")}
      </Button>
    </form>
  );
}
