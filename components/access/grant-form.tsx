"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { acceptAccessRequestAction, grantAccessAction } from "@/app/(space)/acces/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import { useAnnounce } from "@/components/ui/live-region";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import type { GrantScopeValue } from "@/lib/consent/access-schemas";
import type { ActionResult } from "@/lib/server/action/action-result";
import { documentCategories } from "@/lib/vault/document-categories";

export type GrantFormDocument = { id: string; title: string; category: (typeof documentCategories)[number]; date: string; hidden: boolean };
export type GrantFormValues = {
  scope: GrantScopeValue;
  categories: string[];
  documentIds: string[];
  canAdd: boolean;
  validUntil: string | null;
};

type Target = { kind: "grant"; professionalId: string } | { kind: "request"; requestId: string };

/** The form's fields as the actions take them: repeated checkboxes gathered into arrays. */
function toInput(target: Target, form: FormData) {
  const fields = Object.fromEntries(
    [...form.entries()].filter(([key]) => !key.startsWith("$ACTION") && key !== "categories" && key !== "documentIds"),
  );
  return {
    ...fields,
    ...(target.kind === "grant" ? { professionalId: target.professionalId } : { requestId: target.requestId }),
    categories: form.getAll("categories"),
    documentIds: form.getAll("documentIds"),
  };
}

/**
 * Grant, change, or accept a request with: which documents (all visible, categories, chosen
 * documents), read only or read and add, until a day or without end. Radio groups are fieldsets with
 * legends; an error is tied to its group or field and the first one takes the focus.
 */
export function GrantForm({
  target,
  idPrefix,
  professionalName,
  documents,
  initial,
  today,
  submitLabel,
  focusAfter,
}: {
  target: Target;
  idPrefix: string;
  professionalName: string;
  documents: GrantFormDocument[];
  initial?: GrantFormValues;
  today: string;
  submitLabel: string;
  focusAfter?: string;
}) {
  const t = useTranslations("access.form");
  const tCategories = useTranslations("space.categories");
  const announce = useAnnounce();
  // The actions do not read the previous state (defineAction ignores it).
  const run = async (_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> => {
    const result: ActionResult<unknown> =
      target.kind === "grant"
        ? await grantAccessAction(null, toInput(target, form))
        : await acceptAccessRequestAction(null, toInput(target, form));
    // Announced here rather than in an effect: an accepted request's row leaves the refreshed page.
    if (result.ok) {
      announce(t((result.data as { change?: string }).change === "CHANGED" ? "changed" : "granted", { name: professionalName }));
      if (focusAfter) document.getElementById(focusAfter)?.focus();
    }
    return result;
  };
  const [state, dispatch, pending] = useActionState<ActionResult<unknown> | null, FormData>(run, null);
  const [scope, setScope] = useState<GrantScopeValue>(initial?.scope ?? "ALL_VISIBLE");
  const [duration, setDuration] = useState<"none" | "until">(initial?.validUntil ? "until" : "none");
  const formRef = useRef<HTMLFormElement>(null);
  const successRef = useRef<HTMLDivElement>(null);

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const id = (name: string) => `${idPrefix}-${name}`;
  const errorId = (name: string) => (errors[name] ? id(`${name}-error`) : undefined);

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      if (!focusAfter) successRef.current?.focus();
      return;
    }
    const first = ["scope", "categories", "documentIds", "access", "duration", "validUntil"].find((name) => errors[name]);
    const target = first ? formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"] input, #${id(first)}`) : null;
    (target ?? formRef.current?.querySelector<HTMLElement>("[role=alert]"))?.focus();
    // Only when a new result arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const error = (name: string) =>
    errors[name] ? (
      <p id={id(`${name}-error`)} className="mt-1 text-sm font-medium text-red-800">
        {errors[name]}
      </p>
    ) : null;
  const radio = (name: string, value: string, label: string, checked: boolean, onChange?: () => void) => (
    <label className="flex items-center gap-2">
      <input
        type="radio"
        name={name}
        value={value}
        checked={onChange ? checked : undefined}
        defaultChecked={onChange ? undefined : checked}
        onChange={onChange}
        className="h-4 w-4"
      />
      {label}
    </label>
  );
  const receiptId = state?.ok ? (state.data as { receiptId?: string | null }).receiptId : null;

  return (
    <form ref={formRef} action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} className="space-y-5" noValidate>
      {state && !state.ok && <FormAlert>{Object.keys(errors).length ? t("fixErrors") : state.message}</FormAlert>}
      {state?.ok && target.kind === "grant" && (
        <div ref={successRef} tabIndex={-1}>
          <FormAlert kind="success">
            <p>{t((state.data as { change?: string }).change === "CHANGED" ? "changed" : "granted", { name: professionalName })}</p>
            {receiptId && (
              <p className="mt-1">
                <a href={`/api/consent/receipts/${receiptId}`} className="font-medium underline" download>
                  {t("receiptLink")}
                </a>
              </p>
            )}
          </FormAlert>
        </div>
      )}

      <fieldset data-field="scope" aria-describedby={errorId("scope")} className="space-y-2">
        <legend className="font-semibold">{t("scopeLegend")}</legend>
        {radio("scope", "ALL_VISIBLE", t("scopeAll"), scope === "ALL_VISIBLE", () => setScope("ALL_VISIBLE"))}
        {radio("scope", "CATEGORIES", t("scopeCategories"), scope === "CATEGORIES", () => setScope("CATEGORIES"))}
        {radio("scope", "DOCUMENTS", t("scopeDocuments"), scope === "DOCUMENTS", () => setScope("DOCUMENTS"))}
        {error("scope")}
      </fieldset>

      {scope === "CATEGORIES" && (
        <fieldset data-field="categories" aria-describedby={errorId("categories")} className="space-y-2 border-l-4 border-brand-light pl-4">
          <legend className="font-semibold">{t("categoriesLegend")}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {documentCategories.map((category) => (
              <label key={category} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="categories"
                  value={category}
                  defaultChecked={initial?.categories.includes(category)}
                  aria-invalid={errors.categories ? true : undefined}
                  className="h-4 w-4"
                />
                {tCategories(category)}
              </label>
            ))}
          </div>
          {error("categories")}
        </fieldset>
      )}

      {scope === "DOCUMENTS" && (
        <fieldset
          data-field="documentIds"
          aria-describedby={errorId("documentIds")}
          className="space-y-2 border-l-4 border-brand-light pl-4"
        >
          <legend className="font-semibold">{t("documentsLegend")}</legend>
          {documents.length === 0 && <p className="text-muted">{t("noDocuments")}</p>}
          <ul className="space-y-1">
            {documents.map((document) => (
              <li key={document.id}>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    name="documentIds"
                    value={document.id}
                    defaultChecked={initial?.documentIds.includes(document.id)}
                    aria-invalid={errors.documentIds ? true : undefined}
                    className="mt-1 h-4 w-4"
                  />
                  <span>
                    {document.title}{" "}
                    <span className="text-sm text-muted">
                      ({tCategories(document.category)}, {document.date}
                      {document.hidden ? `, ${t("hiddenNote")}` : ""})
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {error("documentIds")}
        </fieldset>
      )}

      <fieldset data-field="access" aria-describedby={errorId("access")} className="space-y-2">
        <legend className="font-semibold">{t("accessLegend")}</legend>
        {radio("access", "read", t("read"), !initial?.canAdd)}
        {radio("access", "readAdd", t("readAdd"), !!initial?.canAdd)}
        {error("access")}
      </fieldset>

      <fieldset data-field="duration" aria-describedby={errorId("duration")} className="space-y-2">
        <legend className="font-semibold">{t("durationLegend")}</legend>
        {radio("duration", "none", t("noEnd"), duration === "none", () => setDuration("none"))}
        {radio("duration", "until", t("untilDate"), duration === "until", () => setDuration("until"))}
        {duration === "until" && (
          <div className="pl-6">
            <label htmlFor={id("validUntil")} className={labelClass}>
              {t("validUntil")}
            </label>
            <input
              id={id("validUntil")}
              type="date"
              name="validUntil"
              min={today}
              defaultValue={initial?.validUntil ?? ""}
              required
              aria-invalid={errors.validUntil ? true : undefined}
              aria-describedby={errorId("validUntil")}
              className={`${fieldClass} max-w-xs`}
            />
            {error("validUntil")}
          </div>
        )}
        {error("duration")}
      </fieldset>

      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
