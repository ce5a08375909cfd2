"use client";
import { useTranslations } from "next-intl";
import { startAuthentication } from "@simplewebauthn/browser";
import { useActionState, useRef, useState } from "react";
import { reauthenticateAction, sendReauthenticationCodeAction } from "@/app/(space)/securite/confirmer/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { ActionAlert } from "@/components/ui/action-alert";
import { PasswordField } from "@/components/ui/password-field";
import { startPasskeyReauthentication } from "@/lib/server/auth/passkeys/passkey-actions";

export type ReauthenticationMethod = "totp" | "otp" | "recovery" | "passkey";
type CodeFactor = { id: string; kind: "EMAIL_OTP" | "SMS_OTP"; destination: string };

/**
 * Password and a second factor again; on success the server sends the person back to `suite`. The
 * choice of factor and the "send me a code" buttons sit outside the main form (forms cannot nest);
 * the choice travels in a hidden field.
 */
export function ReauthenticateForm({
  methods,
  codeFactors,
  codeMinutes,
  suite,
}: {
  methods: ReauthenticationMethod[];
  codeFactors: CodeFactor[];
  codeMinutes: number;
  suite: string;
}) {
  const t = useTranslations("security.reauth");
  const [state, action, pending] = useActionState(reauthenticateAction, null);
  const [sent, send, sending] = useActionState(sendReauthenticationCodeAction, null);
  const [method, setMethod] = useState<ReauthenticationMethod>(methods[0]);
  const [sentTo, setSentTo] = useState<CodeFactor | null>(null);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const assertionRef = useRef<HTMLInputElement>(null);
  // The passkey answers in place of a typed code: get a challenge, let the browser sign it, then send
  // the assertion with the password through the same form and the same checks.
  async function confirmWithPasskey() {
    const form = formRef.current;
    if (!form || !form.reportValidity()) return;
    setPasskeyBusy(true);
    setPasskeyError(null);
    try {
      const options = await startPasskeyReauthentication(null, {});
      if (!options.ok) throw new Error(options.message);
      const assertion = await startAuthentication({ optionsJSON: options.data });
      assertionRef.current!.value = JSON.stringify(assertion);
      form.requestSubmit();
    } catch (error) {
      setPasskeyError(error instanceof Error && error.name !== "NotAllowedError" ? error.message : t("invalid"));
    } finally {
      setPasskeyBusy(false);
    }
  }
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  return (
    <div className="space-y-5">
      {methods.length > 1 && (
        <fieldset className="space-y-2">
          <legend className="font-medium">{t("method")}</legend>
          {methods.map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="reauth-method" value={value} checked={method === value} onChange={() => setMethod(value)} />
              {t(`methods.${value}`)}
            </label>
          ))}
        </fieldset>
      )}
      {method === "otp" && (
        <form action={send} className="flex flex-col gap-2 sm:items-start">
          {codeFactors.map((factor) => (
            <Button
              key={factor.id}
              type="submit"
              name="factorId"
              value={factor.id}
              variant="secondary"
              disabled={sending}
              onClick={() => setSentTo(factor)}
            >
              {t(factor.kind === "SMS_OTP" ? "sendBySms" : "sendByEmail", { destination: factor.destination })}
            </Button>
          ))}
          {sent?.ok && sentTo && (
            <FormAlert kind="info">{t("codeSent", { destination: sentTo.destination, minutes: codeMinutes })}</FormAlert>
          )}
          <ActionAlert state={sent} returnTo={`/securite/confirmer?suite=${encodeURIComponent(suite)}`} />
        </form>
      )}
      <form ref={formRef} action={action} onSubmit={keepInputsOnSubmit(action)} className="space-y-5">
        <input type="hidden" name="suite" value={suite} />
        <input type="hidden" name="method" value={method} />
        <ActionAlert state={state} returnTo={suite} />
        <PasswordField name="password" label={t("password")} autoComplete="current-password" required error={fieldError("password")} />
        {method === "passkey" ? (
          <>
            <input ref={assertionRef} type="hidden" name="code" />
            {passkeyError && <FormAlert>{passkeyError}</FormAlert>}
          </>
        ) : (
          <TextField
            key={method}
            name="code"
            label={t(`codeLabels.${method}`)}
            autoComplete="one-time-code"
            inputMode={method === "recovery" ? "text" : "numeric"}
            autoCapitalize={method === "recovery" ? "characters" : undefined}
            required
            maxLength={40}
            error={fieldError("code")}
          />
        )}
        {method === "passkey" ? (
          <Button type="button" onClick={confirmWithPasskey} disabled={pending || passkeyBusy}>
            {passkeyBusy ? t("passkeyWorking") : t("passkeyButton")}
          </Button>
        ) : (
          <Button type="submit" disabled={pending}>
            {t("submit")}
          </Button>
        )}
      </form>
    </div>
  );
}
