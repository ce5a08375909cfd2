"use client";
import { useTranslations } from "next-intl";
import { useUncheckedTranslations } from "@/lib/i18n/use-unchecked-translations";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { useAnnounce } from "@/components/ui/live-region";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { purposeField } from "@/lib/catalogue/app-form-schema";
import { scopeMessageKey } from "@/lib/catalogue/data-kinds";
import { REGIONS } from "@/lib/catalogue/regions";
import { PRICE_MODELS, THEMES } from "@/lib/catalogue/themes";
import { SMART_SCOPES, TECHNICAL_SCOPES } from "@/lib/oauth/smart-scopes";
import type { ActionResult } from "@/lib/server/action/action-result";
import { documentCategories } from "@/lib/vault/document-categories";

type Action = (previous: ActionResult<{ slug: string }> | null, input: Record<string, unknown>) => Promise<ActionResult<{ slug: string }>>;

/** The form's fields as the schema takes them: repeated checkboxes as arrays, one purpose per scope. */
function toInput(form: FormData): Record<string, unknown> {
  const scalar = Object.fromEntries(
    [...form.entries()].filter(([key]) => !key.startsWith("$ACTION") && !/^(scopes|regions|categories|purpose)/.test(key)),
  );
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
  return { ...scalar, scopes, purposes, regions: form.getAll("regions"), categories: form.getAll("categories") };
}

const FIELD_ORDER = [
  "name",
  "publisher",
  "contactEmail",
  "websiteUrl",
  "androidUrl",
  "iosUrl",
  "termsUrl",
  "theme",
  "priceModel",
  "summaryFr",
  "summaryEn",
  "descriptionFr",
  "descriptionEn",
  "regions",
  "scopes",
  ...SMART_SCOPES.map(purposeField),
  "categories",
];

/**
 * Proposing an app (a publisher) or entering one (a curator): the same fields, checked by the same
 * schema on the server, errors next to their field in the person's language, the first one focused.
 */
export function AppForm({ action, submitLabel, successMessage }: { action: Action; submitLabel: string; successMessage: string }) {
  const t = useTranslations("catalogue");
  // Keys made from field names, enum values and scopes (the form's own lists, each with a message).
  const tKeys = useUncheckedTranslations("catalogue");
  const tCategories = useTranslations("space.categories");
  const announce = useAnnounce();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<ActionResult<{ slug: string }> | null, FormData>(async (previous, form) => {
    const result = await action(previous, toInput(form));
    if (result.ok) {
      announce(successMessage);
      formRef.current?.reset();
    }
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state || state.ok) return;
    const first = FIELD_ORDER.find((name) => errors[name]);
    (
      formRef.current?.querySelector<HTMLElement>(first ? `[data-field="${first}"] :is(input, select, textarea)` : "[role=alert]") ?? null
    )?.focus();
    // Only when a new result arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const errorOf = (name: string) =>
    errors[name] ? (
      <p id={`app-${name}-error`} className="mt-1 text-sm font-medium text-red-800">
        {errors[name]}
      </p>
    ) : null;
  const describedBy = (name: string, hint?: boolean) =>
    [hint && `app-${name}-hint`, errors[name] && `app-${name}-error`].filter(Boolean).join(" ") || undefined;

  /** A labelled control with its optional hint and error, the hint and error tied to it for screen readers. */
  const labelled = (
    name: string,
    required: boolean,
    hint: string | undefined,
    control: (props: {
      id: string;
      name: string;
      required: boolean;
      "aria-invalid"?: true;
      "aria-describedby"?: string;
      className: string;
    }) => React.ReactNode,
  ) => (
    <div data-field={name}>
      <label htmlFor={`app-${name}`} className={labelClass}>
        {tKeys(`form.fields.${name}`)}
        {!required && <span className="font-normal text-muted"> {t("form.optional")}</span>}
      </label>
      {hint && (
        <p id={`app-${name}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {control({
        id: `app-${name}`,
        name,
        required,
        "aria-invalid": errors[name] ? true : undefined,
        "aria-describedby": describedBy(name, Boolean(hint)),
        className: fieldClass,
      })}
      {errorOf(name)}
    </div>
  );
  const input = (
    name: string,
    {
      type = "text",
      required = false,
      hint,
      autoComplete,
    }: { type?: string; required?: boolean; hint?: string; autoComplete?: string } = {},
  ) => labelled(name, required, hint, (props) => <input {...props} type={type} autoComplete={autoComplete} />);
  const textarea = (name: string, { required = false, rows = 3, hint }: { required?: boolean; rows?: number; hint?: string } = {}) =>
    labelled(name, required, hint, (props) => <textarea {...props} rows={rows} />);

  /** A group of checkboxes sharing one name, with its legend, hint and error. */
  const checkboxGroup = (name: string, legend: string, hint: string, options: [value: string, label: string][]) => (
    <fieldset data-field={name} aria-describedby={describedBy(name, true)} className="space-y-2">
      <legend className="text-xl font-semibold">{legend}</legend>
      <p id={`app-${name}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="checkbox" name={name} value={value} className="h-4 w-4" />
            {label}
          </label>
        ))}
      </div>
      {errorOf(name)}
    </fieldset>
  );

  const select = (name: "theme" | "priceModel", values: readonly string[], labelPrefix: string) => (
    <div data-field={name}>
      <label htmlFor={`app-${name}`} className={labelClass}>
        {t(`form.fields.${name}`)}
      </label>
      <select
        id={`app-${name}`}
        name={name}
        required
        defaultValue=""
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name)}
        className={fieldClass}
      >
        <option value="" disabled>
          {t("form.choose")}
        </option>
        {values.map((value) => (
          <option key={value} value={value}>
            {tKeys(`${labelPrefix}.${value}`)}
          </option>
        ))}
      </select>
      {errorOf(name)}
    </div>
  );

  return (
    <form ref={formRef} action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-8" noValidate data-testid="app-form">
      {state && !state.ok && <FormAlert>{Object.keys(errors).length ? t("form.fixErrors") : state.message}</FormAlert>}
      {state?.ok && <FormAlert kind="success">{successMessage}</FormAlert>}

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">{t("form.identityLegend")}</legend>
        {input("name", { required: true })}
        {input("publisher", { required: true, autoComplete: "organization" })}
        {input("contactEmail", { type: "email", required: true, autoComplete: "email", hint: t("form.hints.contactEmail") })}
        {input("websiteUrl", { type: "url", required: true, hint: t("form.hints.url") })}
        {input("androidUrl", { type: "url" })}
        {input("iosUrl", { type: "url" })}
        {input("termsUrl", { type: "url" })}
        {select("theme", THEMES, "themes")}
        {select("priceModel", PRICE_MODELS, "priceModels")}
        <label className="flex items-center gap-2">
          <input type="checkbox" name="medicalDevice" className="h-4 w-4" />
          {t("form.fields.medicalDevice")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="connectedDevice" className="h-4 w-4" />
          {t("form.fields.connectedDevice")}
        </label>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">{t("form.descriptionLegend")}</legend>
        {textarea("summaryFr", { required: true, rows: 2, hint: t("form.hints.summary") })}
        {textarea("summaryEn", { rows: 2 })}
        {textarea("descriptionFr", { required: true, rows: 6, hint: t("form.hints.description") })}
        {textarea("descriptionEn", { rows: 6 })}
      </fieldset>

      {checkboxGroup(
        "regions",
        t("form.regionsLegend"),
        t("form.hints.regions"),
        REGIONS.map((region) => [region, t(`regions.${region}`)]),
      )}

      <fieldset data-field="scopes" aria-describedby={describedBy("scopes", true)} className="space-y-4">
        <legend className="text-xl font-semibold">{t("form.scopesLegend")}</legend>
        <p id="app-scopes-hint" className="text-sm text-muted">
          {t("form.hints.scopes")}
        </p>
        {SMART_SCOPES.map((scope) => {
          const key = scopeMessageKey(scope);
          const field = purposeField(scope);
          const technical = TECHNICAL_SCOPES.includes(scope);
          return (
            <div key={scope} className="space-y-2 rounded border border-gray-300 p-3" data-field={field}>
              <label className="flex items-center gap-2 font-medium">
                <input type="checkbox" name="scopes" value={scope} className="h-4 w-4" />
                {tKeys(`dataUse.scopes.${key}`)} <code className="text-xs text-muted">{scope}</code>
              </label>
              {!technical && (
                <>
                  <div>
                    <label htmlFor={`app-purposeFr-${key}`} className="block text-sm font-medium">
                      {t("form.purposeFr")}
                    </label>
                    <input
                      id={`app-purposeFr-${key}`}
                      name={`purposeFr_${key}`}
                      aria-invalid={errors[field] ? true : undefined}
                      aria-describedby={errors[field] ? `app-${field}-error` : undefined}
                      className={fieldClass}
                    />
                  </div>
                  <div>
                    <label htmlFor={`app-purposeEn-${key}`} className="block text-sm font-medium">
                      {t("form.purposeEn")} <span className="font-normal text-muted">{t("form.optional")}</span>
                    </label>
                    <input id={`app-purposeEn-${key}`} name={`purposeEn_${key}`} className={fieldClass} />
                  </div>
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name={`purposeOptional_${key}`} className="h-4 w-4" />
                    {t("form.purposeOptional")}
                  </label>
                  {errorOf(field)}
                </>
              )}
            </div>
          );
        })}
        {errorOf("scopes")}
      </fieldset>

      {checkboxGroup(
        "categories",
        t("form.categoriesLegend"),
        t("form.hints.categories"),
        documentCategories.map((category) => [category, tCategories(category)]),
      )}

      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
