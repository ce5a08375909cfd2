"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { signInErrorMessage } from "@/lib/auth/sign-in-error";

/**
 * A code-based second step (authenticator app, recovery code, or the first authenticator being
 * enrolled), through next-auth's "second-factor" provider, which answers with a new session cookie.
 */
export function SecondFactorCodeForm({
  method,
  factorId,
  label,
  hint,
  next,
  numeric = true,
  submitLabel,
}: {
  method: "totp" | "recovery" | "totp-enrolment";
  factorId?: string;
  label: string;
  hint?: string;
  next: string;
  numeric?: boolean;
  submitLabel?: string;
}) {
  const t = useTranslations("auth");
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(null);
    const result = await signIn("second-factor", {
      method,
      code: String(form.get("code") ?? ""),
      ...(factorId ? { factorId } : {}),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.replace(next);
      router.refresh();
      return;
    }
    setPending(false);
    setError(signInErrorMessage(t, result?.error));
  }

  return (
    <form action={submit} className="space-y-4">
      <TextField
        id={`${id}-code`}
        name="code"
        label={label}
        hint={hint}
        aria-invalid={error ? true : undefined}
        autoComplete="one-time-code"
        inputMode={numeric ? "numeric" : "text"}
        pattern={numeric ? "[0-9 ]{6,7}" : undefined}
        maxLength={numeric ? 7 : 13}
        required
      />
      {error && <FormAlert>{error}</FormAlert>}
      <Button type="submit" disabled={pending}>
        {pending ? t("secondFactor.submitting") : (submitLabel ?? t("secondFactor.submit"))}
      </Button>
    </form>
  );
}
