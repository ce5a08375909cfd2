import { z } from "zod";
import type { MessageKey } from "@/lib/i18n/message-key";
import { ENTERED_KIND_IDS, MEASUREMENT_KINDS, type MeasurementKind, type MeasurementKindId, roundForKind } from "./measurement-kinds";
import { convertUcum } from "./ucum";

/**
 * A measurement as a patient enters it (a form, or later an app through the same parse), checked and
 * turned into the kind's canonical unit. Each refusal carries an i18n key of the `measurementKinds.errors`
 * namespace as its message, which the action wrapper (lib/server/action/define-action.ts) translates.
 */

/** How far ahead of the server's clock a device's clock may be before "now" becomes "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;
const EARLIEST = new Date(Date.UTC(1900, 0, 1));
export const NOTE_MAX = 500;

/**
 * HbA1c in IFCC mmol/mol to NGSP/DCCT %: the IFCC–NGSP master equation (Hoelzel et al., Clin Chem 2004;
 * NGSP = 0.09148 × IFCC + 2.152). UCUM cannot do this: it treats % and mmol/mol as two dimensionless
 * ratios and turns 6.5 % into 65 mmol/mol, where the two scales measure different things (48 mmol/mol).
 */
export function hba1cIfccToNgsp(mmolPerMol: number): number {
  return 0.09148 * mmolPerMol + 2.152;
}

export function hba1cNgspToIfcc(percent: number): number {
  return (percent - 2.152) / 0.09148;
}

/**
 * `value` entered in `unit` expressed in the kind's canonical unit, or null when the kind does not take
 * that unit. Glucose converts mass to moles with its molar mass; HbA1c uses the master equation above.
 */
export function toCanonicalUnit(id: MeasurementKindId, value: number, unit: string): number | null {
  const kind: MeasurementKind = MEASUREMENT_KINDS[id];
  if (!kind.inputUnits.includes(unit)) return null;
  if (id === "hba1c" && unit === "mmol/mol") return hba1cIfccToNgsp(value);
  return convertUcum(value, unit, kind.unit, kind.molecularWeight);
}

const key = <K extends MessageKey>(k: K) => k;

export const ENTRY_ERRORS = {
  kindUnknown: key("measurementKinds.errors.kindUnknown"),
  valueMissing: key("measurementKinds.errors.valueMissing"),
  valueNotNumber: key("measurementKinds.errors.valueNotNumber"),
  unitNotAccepted: key("measurementKinds.errors.unitNotAccepted"),
  systolicNotAboveDiastolic: key("measurementKinds.errors.systolicNotAboveDiastolic"),
  dateInvalid: key("measurementKinds.errors.dateInvalid"),
  dateInFuture: key("measurementKinds.errors.dateInFuture"),
  dateTooOld: key("measurementKinds.errors.dateTooOld"),
  noteTooLong: key("measurementKinds.errors.noteTooLong"),
  noteControlCharacter: key("measurementKinds.errors.noteControlCharacter"),
} as const;

/** The out-of-range message of a kind (or of a blood-pressure component): it names the limits itself. */
export function outOfRangeError(target: Exclude<MeasurementKindId, "bloodPressure" | "bmi"> | "systolic" | "diastolic"): MessageKey {
  return `measurementKinds.errors.outOfRange.${target}`;
}

/**
 * A number as typed: a JS number, or a string in either decimal notation ("72,5" as French keyboards write
 * it, "72.5"). Anything else (NaN, Infinity, "12 kg", "1e3") is not a number here.
 */
const decimal = z.union([z.number(), z.string()], ENTRY_ERRORS.valueNotNumber).transform((input, ctx) => {
  const text = typeof input === "string" ? input.trim() : null;
  const value: number =
    text === null ? Number(input) : /^-?\d{1,9}(?:[.,]\d{1,6})?$/.test(text) ? Number(text.replace(",", ".")) : Number.NaN;
  if (!Number.isFinite(value)) {
    ctx.addIssue({ code: "custom", message: ENTRY_ERRORS.valueNotNumber });
    return z.NEVER;
  }
  return value;
});

// Tab, line feed and carriage return are ordinary in a note; every other C0 control (NUL first) is not text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const entryInput = z.object({
  kind: z.enum(ENTERED_KIND_IDS, ENTRY_ERRORS.kindUnknown),
  value: decimal.optional(),
  systolic: decimal.optional(),
  diastolic: decimal.optional(),
  unit: z.string(ENTRY_ERRORS.unitNotAccepted).max(40, ENTRY_ERRORS.unitNotAccepted),
  effectiveAt: z.coerce.date(ENTRY_ERRORS.dateInvalid),
  // Checked in the transform below with the rest, so that a person sees every problem at once.
  note: z.string(ENTRY_ERRORS.noteControlCharacter).optional(),
});

export type MeasurementEntryInput = z.input<typeof entryInput>;

type Common = {
  /** LOINC code stored on the Observation (the panel for blood pressure). */
  code: string;
  /** The canonical UCUM unit of the values. */
  unit: string;
  effectiveAt: Date;
  note?: string;
  /** What was typed, when it was converted: the guide's "mes-original-data" keeps it. */
  entered?: { unit: string; value?: number; systolic?: number; diastolic?: number };
};

export type NormalisedMeasurement =
  | (Common & { kind: "bloodPressure"; systolic: { code: string; value: number }; diastolic: { code: string; value: number } })
  | (Common & { kind: Exclude<MeasurementKindId, "bloodPressure" | "bmi">; value: number });

/** The schema, with the clock it judges "the future" by (tests pass a fixed one). */
export function measurementEntrySchema(now: () => Date = () => new Date()) {
  return entryInput.transform((input, ctx): NormalisedMeasurement => {
    let failed = false;
    const fail = (message: MessageKey, path: string): undefined => {
      ctx.addIssue({ code: "custom", message, path: [path] });
      failed = true;
      return undefined;
    };
    const { kind: id, unit, effectiveAt } = input;
    const kind: MeasurementKind = MEASUREMENT_KINDS[id];

    if (effectiveAt.getTime() > now().getTime() + CLOCK_SKEW_MS) fail(ENTRY_ERRORS.dateInFuture, "effectiveAt");
    if (effectiveAt < EARLIEST) fail(ENTRY_ERRORS.dateTooOld, "effectiveAt");
    if (input.note !== undefined && input.note.length > NOTE_MAX) fail(ENTRY_ERRORS.noteTooLong, "note");
    if (input.note !== undefined && CONTROL.test(input.note)) fail(ENTRY_ERRORS.noteControlCharacter, "note");
    const note = input.note?.trim() || undefined;
    const common = { code: kind.code, unit: kind.unit, effectiveAt, ...(note ? { note } : {}) };
    if (!kind.inputUnits.includes(unit)) {
      fail(ENTRY_ERRORS.unitNotAccepted, "unit");
      return z.NEVER;
    }
    const typed = id === "bloodPressure" ? { systolic: input.systolic, diastolic: input.diastolic } : { value: input.value };
    const entered = unit === kind.unit ? {} : { entered: { unit, ...typed } };

    // Judged once converted and rounded as it will be stored: 200 lb is 90.72 kg, 37 °F is 2.8 °C (refused).
    const inRange = (value: number | undefined, field: string, limits: { min: number; max: number }, error: MessageKey) => {
      if (value === undefined) return fail(ENTRY_ERRORS.valueMissing, field);
      const canonical = toCanonicalUnit(id, value, unit);
      if (canonical === null) return fail(ENTRY_ERRORS.unitNotAccepted, "unit");
      const rounded = roundForKind(id, canonical);
      return rounded < limits.min || rounded > limits.max ? fail(error, field) : rounded;
    };

    if (id === "bloodPressure") {
      const { systolic: sys, diastolic: dia } = MEASUREMENT_KINDS.bloodPressure.components;
      const systolic = inRange(input.systolic, "systolic", sys, outOfRangeError("systolic"));
      const diastolic = inRange(input.diastolic, "diastolic", dia, outOfRangeError("diastolic"));
      if (systolic !== undefined && diastolic !== undefined && systolic <= diastolic) {
        fail(ENTRY_ERRORS.systolicNotAboveDiastolic, "systolic");
      }
      if (failed || systolic === undefined || diastolic === undefined) return z.NEVER;
      return {
        ...common,
        ...entered,
        kind: id,
        systolic: { code: sys.code, value: systolic },
        diastolic: { code: dia.code, value: diastolic },
      };
    }
    const value = inRange(input.value, "value", kind, outOfRangeError(id));
    if (failed || value === undefined) return z.NEVER;
    return { ...common, ...entered, kind: id, value };
  });
}
