"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, type ComponentProps } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import type { ActionResult } from "@/lib/server/action/action-result";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

const errorOf = <T,>(state: ActionResult<T> | null, field: string) => (state && !state.ok ? state.fieldErrors?.[field] : undefined);
const formError = <T,>(state: ActionResult<T> | null) => (state && !state.ok && !state.fieldErrors ? state.message : undefined);

type IdentityDetails = { nir: string; addressLine1: string; addressLine2: string; postalCode: string; city: string };

/** The declared NIR (read-only once qualified) and the postal address the letter goes to. */
export function IdentityDetailsForm({ action, initial, locked }: { action: Action<null>; initial: IdentityDetails; locked: boolean }) {
  const t = useTranslations("identity.details");
  const [state, dispatch, pending] = useActionState(action, null);
  const field = { initial, state };
  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} noValidate className="max-w-xl space-y-4">
      {formError(state) && <FormAlert>{formError(state)}</FormAlert>}
      {state?.ok && <FormAlert kind="success">{t("saved")}</FormAlert>}
      <DetailField
        {...field}
        name="nir"
        hint={locked ? t("nirLocked") : t("nirHint")}
        readOnly={locked}
        inputMode="numeric"
        autoComplete="off"
        maxLength={21}
      />
      <DetailField {...field} name="addressLine1" autoComplete="address-line1" maxLength={200} />
      <DetailField {...field} name="addressLine2" autoComplete="address-line2" maxLength={200} />
      <DetailField {...field} name="postalCode" autoComplete="postal-code" inputMode="numeric" maxLength={5} />
      <DetailField {...field} name="city" autoComplete="address-level2" maxLength={100} />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}

/** One field of the details form: its label, the value on file and the server's error all follow from its name. */
function DetailField({
  name,
  initial,
  state,
  ...input
}: { name: keyof IdentityDetails; initial: IdentityDetails; state: ActionResult<null> | null } & Omit<
  ComponentProps<typeof TextField>,
  "name" | "label" | "defaultValue" | "error"
>) {
  const t = useTranslations("identity.details");
  return <TextField name={name} label={t(name)} defaultValue={initial[name]} error={errorOf(state, name)} {...input} />;
}

/** Asks for the letter; once sent, says until when its code works. */
export function ActivationLetterForm({
  action,
  pendingUntil,
  ready,
}: {
  action: Action<{ expiresAt: string }>;
  pendingUntil: string | null;
  ready: boolean;
}) {
  const t = useTranslations("identity.letter");
  const format = useFormatter();
  const [state, dispatch, pending] = useActionState(action, null);
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long", timeZone: "Europe/Paris" });
  return (
    <form action={dispatch} className="max-w-xl space-y-3">
      <p>{t("intro")}</p>
      <ActionAlert state={state} fieldErrors="message" />
      {state?.ok ? (
        <FormAlert kind="success">{t("requested", { date: day(state.data.expiresAt) })}</FormAlert>
      ) : (
        pendingUntil && <FormAlert kind="info">{t("pending", { date: day(pendingUntil) })}</FormAlert>
      )}
      {!ready && <p className="text-muted">{t("needDetails")}</p>}
      <Button type="submit" disabled={pending || !ready}>
        {t("request")}
      </Button>
    </form>
  );
}

/** The code from the letter. */
export function ActivationCodeForm({ action }: { action: Action<{ outcome: "QUALIFIED" | "CONFLICT" }> }) {
  const t = useTranslations("identity.code");
  const [state, dispatch, pending] = useActionState(action, null);
  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} noValidate className="max-w-xl space-y-3">
      {state?.ok && (
        <FormAlert kind={state.data.outcome === "CONFLICT" ? "error" : "success"}>
          {state.data.outcome === "CONFLICT" ? t("conflict") : t("qualified")}
        </FormAlert>
      )}
      {formError(state) && <FormAlert>{formError(state)}</FormAlert>}
      <TextField
        name="code"
        label={t("label")}
        hint={t("hint")}
        autoComplete="one-time-code"
        maxLength={20}
        error={errorOf(state, "code")}
      />
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
