"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/server/action/action-result";
import { CodeConfirmForm, type ConfirmAction } from "./code-confirm-form";
import { CodeSignInForm } from "./code-sign-in-form";

type Enrolment = { factorId: string; kind: "EMAIL_OTP" | "SMS_OTP"; maskedDestination: string };
type StartAction = (previous: ActionResult<Enrolment> | null, form: FormData) => Promise<ActionResult<Enrolment>>;
type Mode = { mode: "first"; next: string } | { mode: "additional"; confirm: ConfirmAction };
/** `email`: the account address, null when it already receives codes; `sms`: false without an SMS provider. */
type Props = { email: string | null; sms: boolean; start: StartAction; minutes: number } & Mode;

/**
 * Enrolling an e-mail or SMS factor: choose where codes go, receive one, type it. The first factor
 * of an account is confirmed by signing in with it (next-auth), a further one by a server action;
 * after that, the form starts afresh for another and the list above it is reloaded.
 */
export function CodeEnrolmentForm(props: Props) {
  const t = useTranslations("codes.section");
  const router = useRouter();
  const [round, setRound] = useState(0);
  const [added, setAdded] = useState(false);
  const onAdded = () => {
    setAdded(true);
    setRound((n) => n + 1);
    router.refresh();
  };
  return (
    <div className="space-y-4">
      {added && <FormAlert kind="success">{t("added")}</FormAlert>}
      <EnrolmentRound key={round} {...props} onAdded={onAdded} />
    </div>
  );
}

type StartState = { result: ActionResult<Enrolment> | null; enrolment: Enrolment | null };

function EnrolmentRound(props: Props & { onAdded: () => void }) {
  const { email, sms, start, minutes } = props;
  const t = useTranslations("codes.enrol");
  const id = useId();
  const phoneId = `${id}-phone`;
  const channels = [...(email ? (["EMAIL"] as const) : []), ...(sms ? (["SMS"] as const) : [])];
  const [chosen, setChosen] = useState<"EMAIL" | "SMS">(channels[0] ?? "EMAIL");
  // The choices can shrink under the form: once the address is enrolled, the refreshed page offers SMS only.
  const channel = (channels as readonly string[]).includes(chosen) ? chosen : (channels[0] ?? chosen);
  const [phone, setPhone] = useState("");
  // A failed re-send changes nothing on the server, so the code sent before still works: keep its form.
  const [state, send, sending] = useActionState(
    async (previous: StartState, form: FormData): Promise<StartState> => {
      const result = await start(null, form);
      return { result, enrolment: result.ok ? result.data : previous.enrolment };
    },
    { result: null, enrolment: null },
  );
  const failure = state.result && !state.result.ok ? state.result : null;
  const phoneError = failure?.fieldErrors?.phone;
  const { enrolment } = state;

  useEffect(() => {
    if (phoneError) document.getElementById(phoneId)?.focus();
  }, [phoneError, phoneId, state]);

  return (
    <div className="space-y-4">
      {/* onSubmit rather than action: React resets a form after its action, which would put the radio
          buttons back to their first state while the page still follows the person's choice. */}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          startTransition(() => send(form));
        }}
        className="space-y-4"
      >
        {channels.length > 1 ? (
          <fieldset>
            <legend className="font-medium">{t("channelLegend")}</legend>
            <div className="mt-2 space-y-2">
              {channels.map((value) => (
                <label key={value} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="channel"
                    value={value}
                    checked={channel === value}
                    onChange={() => setChosen(value)}
                    className="h-4 w-4 accent-brand"
                  />
                  {value === "EMAIL" ? t("channelEmail", { email: email ?? "" }) : t("channelSms")}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <>
            <input type="hidden" name="channel" value={channel} />
            {channel === "EMAIL" && <p>{t("channelEmail", { email: email ?? "" })}</p>}
          </>
        )}
        {channel === "SMS" && (
          <TextField
            id={phoneId}
            name="phone"
            type="tel"
            label={t("phoneLabel")}
            hint={t("phoneHint")}
            error={phoneError}
            autoComplete="tel"
            inputMode="tel"
            maxLength={40}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            required
          />
        )}
        {failure && !phoneError && <FormAlert>{failure.message}</FormAlert>}
        <Button type="submit" variant={enrolment ? "secondary" : "primary"} disabled={sending}>
          {sending ? t("sending") : enrolment ? t("sendAgain") : t("send")}
        </Button>
      </form>
      {enrolment && (
        <div className="space-y-4" data-testid="code-enrolment-confirm">
          <FormAlert kind="info">{t("sent", { destination: enrolment.maskedDestination })}</FormAlert>
          {props.mode === "first" ? (
            <CodeSignInForm
              key={enrolment.factorId}
              method="otp-enrolment"
              factorId={enrolment.factorId}
              callbackUrl={props.next}
              minutes={minutes}
              submitLabel={t("confirm")}
              submittingLabel={t("confirming")}
            />
          ) : (
            <CodeConfirmForm
              key={enrolment.factorId}
              factorId={enrolment.factorId}
              confirm={props.confirm}
              minutes={minutes}
              onConfirmed={props.onAdded}
            />
          )}
        </div>
      )}
    </div>
  );
}
