"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import type { ActionResult } from "@/lib/server/action/action-result";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

const errorOf = <T,>(state: ActionResult<T> | null, field: string) => (state && !state.ok ? state.fieldErrors?.[field] : undefined);
const formError = <T,>(state: ActionResult<T> | null) => (state && !state.ok && !state.fieldErrors ? state.message : undefined);

/** The declared NIR (read-only once qualified) and the postal address the letter goes to. */
export function IdentityDetailsForm({
  action,
  initial,
  locked,
}: {
  action: Action<null>;
  initial: { nir: string; addressLine1: string; addressLine2: string; postalCode: string; city: string };
  locked: boolean;
}) {
  const t = useTranslations("identity.details");
  const [state, dispatch, pending] = useActionState(action, null);
  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} noValidate className="max-w-xl space-y-4">
      {formError(state) && <FormAlert>{formError(state)}</FormAlert>}
      {state?.ok && <FormAlert kind="success">{t("saved")}</FormAlert>}
      <TextField
        name="nir"
        label={t("nir")}
        hint={locked ? t("nirLocked") : t("nirHint")}
        defaultValue={initial.nir}
        readOnly={locked}
        inputMode="numeric"
        autoComplete="off"
        maxLength={21}
        error={errorOf(state, "nir")}
      />
      <TextField
        name="addressLine1"
        label={t("addressLine1")}
        defaultValue={initial.addressLine1}
        autoComplete="address-line1"
        maxLength={200}
        error={errorOf(state, "addressLine1")}
      />
      <TextField
        name="addressLine2"
        label={t("addressLine2")}
        defaultValue={initial.addressLine2}
        autoComplete="address-line2"
        maxLength={200}
        error={errorOf(state, "addressLine2")}
      />
      <TextField
        name="postalCode"
        label={t("postalCode")}
        defaultValue={initial.postalCode}
        autoComplete="postal-code"
        inputMode="numeric"
        maxLength={5}
        error={errorOf(state, "postalCode")}
      />
      <TextField
        name="city"
        label={t("city")}
        defaultValue={initial.city}
        autoComplete="address-level2"
        maxLength={100}
        error={errorOf(state, "city")}
      />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
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
