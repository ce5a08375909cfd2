"use client";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { ActionAlert } from "@/components/ui/action-alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { keepInputsOnSubmit } from "@/components/ui/use-kept-form";
import {
  ALLERGY_CRITICALITIES,
  ALLERGY_SEVERITIES,
  ALLERGY_TYPES,
  CONDITION_CATEGORIES,
  CONDITION_STATUSES,
  CONTACT_ROLES,
  DIRECTIVE_KINDS,
  ORGAN_DONATION_POSITIONS,
  RECORD_NOTE_MAX,
  type RecordKind,
} from "@/lib/record/record-options";
import type { ActionResult } from "@/lib/server/action/action-result";

type Action = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

/** A field of a kind's form: its name (the schema's and the label's key) and how it is typed. */
type Spec =
  | { name: string; type: "text" | "date" | "number" | "email" | "tel"; required?: boolean; max?: number }
  | { name: string; type: "select"; options: readonly string[]; required?: boolean }
  | { name: "vaccineCode" | "documentId"; type: "choices"; required?: boolean };

/** What each kind asks, in the order of its FHIR resource's main elements (lib/schemas/record-entry.ts checks them). */
const SPECS: Record<RecordKind, Spec[]> = {
  condition: [
    { name: "category", type: "select", options: CONDITION_CATEGORIES, required: true },
    { name: "label", type: "text", required: true, max: 200 },
    { name: "relative", type: "text", max: 100 },
    { name: "onsetDate", type: "date" },
    { name: "status", type: "select", options: CONDITION_STATUSES, required: true },
  ],
  allergy: [
    { name: "type", type: "select", options: ALLERGY_TYPES, required: true },
    { name: "substance", type: "text", required: true, max: 200 },
    { name: "reaction", type: "text", max: 200 },
    { name: "severity", type: "select", options: ALLERGY_SEVERITIES },
    { name: "criticality", type: "select", options: ALLERGY_CRITICALITIES },
  ],
  treatment: [
    { name: "medication", type: "text", required: true, max: 200 },
    { name: "dose", type: "text", max: 100 },
    { name: "frequency", type: "text", max: 100 },
    { name: "startDate", type: "date" },
    { name: "endDate", type: "date" },
    { name: "prescriber", type: "text", max: 200 },
  ],
  vaccination: [
    { name: "vaccineCode", type: "choices", required: true },
    { name: "vaccineLabel", type: "text", max: 200 },
    { name: "date", type: "date", required: true },
    { name: "doseNumber", type: "number" },
    { name: "lotNumber", type: "text", max: 50 },
    { name: "performer", type: "text", max: 200 },
  ],
  directive: [
    { name: "kind", type: "select", options: DIRECTIVE_KINDS, required: true },
    { name: "documentId", type: "choices" },
    { name: "directiveDate", type: "date" },
    { name: "organDonation", type: "select", options: ORGAN_DONATION_POSITIONS },
  ],
  contact: [
    { name: "role", type: "select", options: CONTACT_ROLES, required: true },
    { name: "name", type: "text", required: true, max: 200 },
    { name: "relationship", type: "text", max: 100 },
    { name: "phone", type: "tel" },
    { name: "email", type: "email" },
  ],
};

export type Choice = { value: string; label: string };

/**
 * Adds an entry of one kind, or edits one (`entryId` and `initial`). The server's refusal of a field is
 * shown at that field; after an addition the form empties for the next entry.
 */
export function RecordEntryForm({
  kind,
  action,
  entryId,
  initial = {},
  choices = {},
}: {
  kind: RecordKind;
  action: Action;
  entryId?: string;
  initial?: Record<string, string>;
  /** The lists that come from data: vaccines of the calendar, the patient's advance-directives documents. */
  choices?: { vaccineCode?: Choice[]; documentId?: Choice[] };
}) {
  const tForm = useTranslations("record.form");
  const tField = useTranslations("record.fields");
  const tOption = useTranslations("record.options");
  const form = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<ActionResult<null> | null, FormData>(async (previous, data) => {
    const result = await action(previous, data);
    if (result.ok && !entryId) form.current?.reset();
    return result;
  }, null);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  const label = (name: string, required?: boolean) => (
    <>
      {tField(name as never)}
      {!required && <span className="font-normal text-muted"> ({tField("optional")})</span>}
    </>
  );

  return (
    <form ref={form} action={dispatch} onSubmit={keepInputsOnSubmit(dispatch)} noValidate className="max-w-xl space-y-3">
      <input type="hidden" name="recordKind" value={kind} />
      {entryId && <input type="hidden" name="entryId" value={entryId} />}
      <ActionAlert state={state} />
      {state?.ok && <FormAlert kind="success">{entryId ? tForm("saved") : tForm("added")}</FormAlert>}
      {SPECS[kind].map((spec) => {
        const common = {
          name: spec.name,
          label: label(spec.name, spec.required),
          error: error(spec.name),
          defaultValue: initial[spec.name] ?? "",
        };
        if (spec.type === "select")
          return (
            <SelectField key={spec.name} {...common} required={spec.required}>
              {!spec.required && <option value="">{tOption("none")}</option>}
              {spec.options.map((option) => (
                <option key={option} value={option}>
                  {tOption(`${spec.name}.${option}` as never)}
                </option>
              ))}
            </SelectField>
          );
        if (spec.type === "choices") {
          const list = choices[spec.name] ?? [];
          if (spec.name === "documentId" && list.length === 0)
            return (
              <p key={spec.name} className="text-sm text-muted">
                {tOption("noDocuments")}
              </p>
            );
          return (
            <SelectField key={spec.name} {...common} required={spec.required}>
              {spec.name === "documentId" && <option value="">{tOption("none")}</option>}
              {list.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
              {spec.name === "vaccineCode" && <option value="other">{tOption("vaccineOther")}</option>}
            </SelectField>
          );
        }
        return (
          <TextField
            key={spec.name}
            {...common}
            type={spec.type}
            required={spec.required}
            maxLength={"max" in spec ? spec.max : undefined}
            min={spec.type === "number" ? 1 : undefined}
            max={spec.type === "number" ? 20 : undefined}
            autoComplete={spec.type === "tel" ? "tel" : spec.type === "email" ? "email" : "off"}
          />
        );
      })}
      <TextField name="source" label={label("source", true)} error={error("source")} defaultValue={initial.source ?? ""} maxLength={200} />
      <TextAreaField
        name="note"
        label={label("note", true)}
        error={error("note")}
        defaultValue={initial.note ?? ""}
        maxLength={RECORD_NOTE_MAX}
        rows={2}
      />
      <Button type="submit" disabled={pending}>
        {entryId ? tForm("save") : tForm("add")}
      </Button>
    </form>
  );
}
