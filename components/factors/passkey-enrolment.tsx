"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { startFirstPasskeyEnrolment } from "@/lib/server/auth/passkeys/passkey-actions";
import { PasskeyOutcomeMessage, usePasskeyCeremony, useSignInErrorText } from "./passkey-ceremony";

/**
 * A passkey as the account's first second factor. Registering it through the second-factor sign-in
 * step confirms it and completes the sign-in in one go, under a new session token.
 */
export function PasskeyEnrolment({ next }: { next: string }) {
  const t = useTranslations("passkeys.enrolment");
  const signInErrorText = useSignInErrorText();
  const { busy, outcome, run } = usePasskeyCeremony();
  const [label, setLabel] = useState("");
  const titleId = useId();
  const messageId = useId();
  const labelFieldId = useId();
  const tForm = useTranslations("passkeys.form");

  const enrol = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return run(
      async () => {
        const options = await startFirstPasskeyEnrolment(null, {});
        if (!options.ok) return { tone: "error", text: options.message };
        const response = await startRegistration({ optionsJSON: options.data });
        const trimmed = label.trim();
        const result = await signIn("second-factor", {
          method: "passkey-registration",
          response: JSON.stringify(response),
          ...(trimmed ? { label: trimmed } : {}),
          redirect: false,
        });
        if (!result?.ok || result.error) return { tone: "error", text: signInErrorText(result?.error) };
        window.location.assign(safeRedirectPath(next));
        return { tone: "success", text: t("done") };
      },
      { leavesOnSuccess: true },
    );
  };

  return (
    <section aria-labelledby={titleId} className="rounded-lg border border-gray-300 p-5">
      <h2 id={titleId} className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <p className="mt-2 text-muted">{t("howItWorks")}</p>
      <form onSubmit={enrol} className="mt-4 space-y-3">
        <TextField
          id={labelFieldId}
          name="label"
          label={tForm("label")}
          hint={tForm("labelHint")}
          maxLength={100}
          autoComplete="off"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          disabled={busy}
          className="max-w-sm"
        />
        <Button type="submit" disabled={busy} aria-describedby={outcome ? messageId : undefined} data-testid="passkey-enrol">
          {busy ? t("working") : t("button")}
        </Button>
      </form>
      <PasskeyOutcomeMessage id={messageId} outcome={outcome} />
    </section>
  );
}
