"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/server/action/action-result";
import { CodeSignInForm } from "./code-sign-in-form";

export type LoginCodeFactor = { id: string; kind: "EMAIL_OTP" | "SMS_OTP"; maskedDestination: string };
type SendAction = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

/**
 * The second step by a code sent by e-mail or SMS: one button per factor asks for a code, then the
 * code signs in. The answer to a request is the same whether or not a code went out (the server stays
 * silent beyond its limit), hence the advice to wait and try again.
 */
export function CodeLoginForm({
  factors,
  send,
  callbackUrl,
  minutes,
}: {
  factors: LoginCodeFactor[];
  send: SendAction;
  callbackUrl: string;
  minutes: number;
}) {
  const t = useTranslations("codes.login");
  const [chosen, setChosen] = useState<LoginCodeFactor | null>(null);
  const [state, action, sending] = useActionState(send, null);
  const sentTo = state?.ok ? chosen : null;

  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-col gap-2 sm:items-start">
        {factors.map((factor) => (
          <Button
            key={factor.id}
            type="submit"
            name="factorId"
            value={factor.id}
            variant={sentTo ? "secondary" : "primary"}
            disabled={sending}
            onClick={() => setChosen(factor)}
          >
            {sending && chosen?.id === factor.id ? t("sending") : t(factor.kind === "SMS_OTP" ? "bySms" : "byEmail")}{" "}
            <span className="font-normal">{t("destination", { destination: factor.maskedDestination })}</span>
          </Button>
        ))}
      </form>
      <ActionAlert state={state} fieldErrors="message" />
      {sentTo && (
        <>
          <FormAlert kind="info">{t("sent", { destination: sentTo.maskedDestination })}</FormAlert>
          <CodeSignInForm
            method="otp"
            callbackUrl={callbackUrl}
            minutes={minutes}
            submitLabel={t("submit")}
            submittingLabel={t("submitting")}
          />
        </>
      )}
    </div>
  );
}
