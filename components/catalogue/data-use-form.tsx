"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { fieldClass } from "@/components/ui/field-classes";
import { useAnnounce } from "@/components/ui/live-region";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { purposeField } from "@/lib/catalogue/app-form-schema";
import { scopeMessageKey } from "@/lib/catalogue/data-kinds";
import { useUncheckedTranslations } from "@/lib/i18n/use-unchecked-translations";
import { SMART_SCOPES, TECHNICAL_SCOPES } from "@/lib/oauth/smart-scopes";
import type { ActionResult } from "@/lib/server/action/action-result";
import { documentCategories } from "@/lib/vault/document-categories";

type Outcome = { awaitingPatients: number };
type Action = (previous: ActionResult<Outcome> | null, input: Record<string, unknown>) => Promise<ActionResult<Outcome>>;
export type CurrentDataUse = {
  scopes: string[];
  purposes: Record<string, { fr: string; en?: string; optional: boolean }>;
  categories: string[];
};

/** The fields as the schema takes them: repeated checkboxes as arrays, one purpose per ticked scope. */
function toInput(form: FormData): Record<string, unknown> {
  const scopes = form.getAll("scopes").map(String);
  const purposes = Object.fromEntries(
    scopes.map((scope) => {
      const key = scopeMessageKey(scope);
      return [
        scope,
        {
          fr: form.get(`purposeFr_${key}`) ?? "",
          en: form.get(`purposeEn_${key}`) ?? "",
          optional: form.get(`purposeOptional_${key}`) === "on",
        },
      ];
    }),
  );
  return { appId: form.get("appId"), scopes, purposes, categories: form.getAll("categories"), reason: form.get("reason") ?? "" };
}

/**
 * A curator changes what a listed app asks for: the scopes (with their purposes and whether the
 * patient may leave them out) and the document categories, filled with the current version, and the
 * public reason. The server says how many connected patients are now asked for their consent.
 */
export function DataUseForm({
  appId,
  current,
  categoryLabels,
  action,
}: {
  appId: string;
  current: CurrentDataUse;
  /** Each category's name, translated on the server (the page sends no other namespace). */
  categoryLabels: Record<string, string>;
  action: Action;
}) {
  const t = useTranslations("catalogue");
  const tKeys = useUncheckedTranslations("catalogue");
  const tAdmin = useTranslations("admin.reason");
  const announce = useAnnounce();
  const [state, dispatch, pending] = useActionState<ActionResult<Outcome> | null, FormData>(async (previous, form) => {
    const result = await action(previous, toInput(form));
    if (result.ok) announce(t("curation.dataUse.done", { count: result.data.awaitingPatients }));
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const error = (name: string) =>
    errors[name] ? (
      <p id={`data-use-${name}-error`} className="text-sm font-medium text-red-800">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-6" noValidate data-testid="data-use-form">
      <input type="hidden" name="appId" value={appId} />
      <fieldset className="space-y-4" aria-describedby={errors.scopes ? "data-use-scopes-error" : undefined}>
        <legend className="font-semibold">{t("curation.dataUse.legend")}</legend>
        {SMART_SCOPES.map((scope) => {
          const key = scopeMessageKey(scope);
          const field = purposeField(scope);
          const purpose = current.purposes[scope];
          return (
            <div key={scope} className="space-y-2 rounded border border-gray-300 p-3">
              <label className="flex items-center gap-2 font-medium">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={current.scopes.includes(scope)} className="h-4 w-4" />
                {tKeys(`dataUse.scopes.${key}`)} <code className="text-xs text-muted">{scope}</code>
              </label>
              {!TECHNICAL_SCOPES.includes(scope) && (
                <>
                  <div>
                    <label htmlFor={`data-use-purposeFr-${key}`} className="block text-sm font-medium">
                      {t("form.purposeFr")}
                    </label>
                    <input
                      id={`data-use-purposeFr-${key}`}
                      name={`purposeFr_${key}`}
                      defaultValue={purpose?.fr ?? ""}
                      aria-invalid={errors[field] ? true : undefined}
                      aria-describedby={errors[field] ? `data-use-${field}-error` : undefined}
                      className={fieldClass}
                    />
                  </div>
                  <div>
                    <label htmlFor={`data-use-purposeEn-${key}`} className="block text-sm font-medium">
                      {t("form.purposeEn")} <span className="font-normal text-muted">{t("form.optional")}</span>
                    </label>
                    <input
                      id={`data-use-purposeEn-${key}`}
                      name={`purposeEn_${key}`}
                      defaultValue={purpose?.en ?? ""}
                      className={fieldClass}
                    />
                  </div>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name={`purposeOptional_${key}`}
                      defaultChecked={purpose?.optional ?? false}
                      className="h-4 w-4"
                    />
                    {t("form.purposeOptional")}
                  </label>
                  {error(field)}
                </>
              )}
            </div>
          );
        })}
        {error("scopes")}
      </fieldset>
      <fieldset className="space-y-2" aria-describedby={errors.categories ? "data-use-categories-error" : undefined}>
        <legend className="font-semibold">{t("form.categoriesLegend")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {documentCategories.map((category) => (
            <label key={category} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="categories"
                value={category}
                defaultChecked={current.categories.includes(category)}
                className="h-4 w-4"
              />
              {categoryLabels[category]}
            </label>
          ))}
        </div>
        {error("categories")}
      </fieldset>
      <TextAreaField
        id="data-use-reason"
        label={t("curation.dataUse.reason")}
        hint={tAdmin("hint")}
        error={errors.reason}
        name="reason"
        rows={3}
        maxLength={1000}
      />
      <ActionAlert state={state} fieldErrors="summarize" />
      <Button type="submit" disabled={pending}>
        {t("curation.dataUse.submit")}
      </Button>
    </form>
  );
}
