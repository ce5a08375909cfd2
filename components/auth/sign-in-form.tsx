"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmailField } from "@/components/ui/email-field";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/server/action/action-result";
import { signInErrorMessage } from "@/lib/auth/sign-in-error";
import { ConfirmEmailForm } from "./confirm-email-form";

type ConfirmAction = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * Step one: e-mail and password, through next-auth's "password" provider. The password lives in the
 * input only; nothing sends it back. On success the server has set a half-authenticated session and
 * the second step decides where to go (factor, or enrolment of a first one).
 *
 * React resets a form after its action: the e-mail comes back as the field's default value, so a
 * mistyped password costs only the password; the password is never put back.
 */
export function SignInForm({
  callbackUrl,
  confirm,
  showOutboxHint,
}: {
  callbackUrl: string;
  confirm: ConfirmAction;
  showOutboxHint: boolean;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [unconfirmedEmail, setUnconfirmedEmail] = useState<string | null>(null);
  const [typedEmail, setTypedEmail] = useState("");

  if (unconfirmedEmail) {
    return (
      <ConfirmEmailForm email={unconfirmedEmail} confirm={confirm} showOutboxHint={showOutboxHint} intro={t("errors.EMAIL_NOT_VERIFIED")} />
    );
  }

  async function submit(form: FormData) {
    setPending(true);
    setError(null);
    const email = String(form.get("email") ?? "");
    setTypedEmail(email);
    const result = await signIn("password", { email, password: String(form.get("password") ?? ""), redirect: false });
    if (result?.ok && !result.error) {
      // refresh(): the header is in the root layout, which a plain navigation would not re-render.
      router.replace(`/connexion/second-facteur?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      router.refresh();
      return;
    }
    setPending(false);
    if (result?.error === "EMAIL_NOT_VERIFIED") setUnconfirmedEmail(email.trim().toLowerCase());
    else setError(signInErrorMessage(t, result?.error));
  }

  return (
    <form action={submit} className="space-y-5">
      {error && <FormAlert>{error}</FormAlert>}
      <EmailField label={t("signIn.email")} hint={t("signIn.emailHint")} autoComplete="username" defaultValue={typedEmail} />
      <TextField name="password" type="password" label={t("signIn.password")} autoComplete="current-password" required />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("signIn.submitting") : t("signIn.submit")}
        </Button>
        <Link href="/mot-de-passe-oublie" className="text-brand underline">
          {t("signIn.forgot")}
        </Link>
      </div>
    </form>
  );
}
