"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { labelClass } from "@/components/ui/field-classes";
import { useAnnounce } from "@/components/ui/live-region";
import type { ActionResult } from "@/lib/server/action/action-result";

const ROLES = ["SUPPORT", "CURATOR", "ADMIN"] as const;

/**
 * Give or withdraw one staff role of one account, with the reason the log keeps. The outcome is
 * said in the form (and announced), the account's roles above refresh with the page.
 */
export function RoleChangeForm<T extends { role: string; granted: boolean }>({
  targetUserId,
  action,
  returnTo,
}: {
  targetUserId: string;
  /** Where re-authentication comes back to, should the server ask for it. */
  returnTo: string;
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
}) {
  const t = useTranslations("staff.roles");
  const tAdmin = useTranslations("admin.reason");
  const announce = useAnnounce();
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok)
      announce(
        t(result.data.granted ? "form.granted" : "form.revoked", { role: t(`names.${result.data.role as (typeof ROLES)[number]}`) }),
      );
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const reasonError = errors.reason;

  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-4" aria-labelledby="role-form-heading">
      <h3 id="role-form-heading" className="text-lg font-semibold">
        {t("form.heading")}
      </h3>
      <input type="hidden" name="targetUserId" value={targetUserId} />
      <SelectField id="role-select" label={t("form.role")} name="role" defaultValue="SUPPORT">
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`names.${role}`)}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend className={labelClass}>{t("form.change")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["grant", "revoke"] as const).map((change) => (
            <label key={change} className="flex items-center gap-2">
              <input type="radio" name="change" value={change} defaultChecked={change === "grant"} />
              {t(`form.${change}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        id="role-reason"
        label={tAdmin("label")}
        hint={tAdmin("hint")}
        error={reasonError}
        name="reason"
        rows={3}
        required
        maxLength={1000}
      />
      <Button type="submit" disabled={pending}>
        {t("form.submit")}
      </Button>
      {!reasonError && <ActionAlert state={state} returnTo={returnTo} />}
      {/* Already announced in the live region: shown here, not announced twice. */}
      {state?.ok && (
        <p className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          {t(state.data.granted ? "form.granted" : "form.revoked", { role: t(`names.${state.data.role as (typeof ROLES)[number]}`) })}
        </p>
      )}
    </form>
  );
}
