"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { signInErrorMessage } from "@/lib/auth/sign-in-error";
import { Button } from "@/components/ui/button";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { OneTimeCodeField } from "./one-time-code-field";

/**
 * The code received by e-mail or SMS, sent to next-auth's "second-factor" provider: to sign in
 * ("otp"), or to confirm the first factor of a new account and sign in at once ("otp-enrolment").
 * next-auth answers with the new session cookie; then the browser goes on to `callbackUrl`.
 */
export function CodeSignInForm({
  method,
  factorId,
  callbackUrl,
  minutes,
  submitLabel,
  submittingLabel,
}: {
  method: "otp" | "otp-enrolment";
  factorId?: string;
  callbackUrl: string;
  minutes: number;
  submitLabel: string;
  submittingLabel: string;
}) {
  const t = useTranslations("codes.form");
  const tAuth = useTranslations("auth");
  const id = useId();
  const fieldId = `${id}-code`;
  const focusField = () => document.getElementById(fieldId)?.focus();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // The field appears once a code is on its way: take the person straight to it.
  useEffect(() => {
    document.getElementById(fieldId)?.focus();
  }, [fieldId]);

  async function submit(form: FormData) {
    setPending(true);
    setError(null);
    const code = String(form.get("code") ?? "");
    const result = await signIn("second-factor", { method, code, ...(factorId ? { factorId } : {}), redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(safeRedirectPath(callbackUrl));
      return;
    }
    setPending(false);
    setError(signInErrorMessage(tAuth, result?.error));
    focusField();
  }

  return (
    <form action={submit} className="space-y-4">
      <OneTimeCodeField id={fieldId} label={t("codeLabel")} hint={t("codeHint", { minutes })} error={error} />
      <Button type="submit" disabled={pending}>
        {pending ? submittingLabel : submitLabel}
      </Button>
    </form>
  );
}
