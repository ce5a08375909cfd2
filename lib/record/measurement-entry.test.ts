import { describe, expect, it } from "vitest";
import { convertUcum } from "./ucum";
import {
  ENTRY_ERRORS,
  type MeasurementEntryInput,
  hba1cIfccToNgsp,
  hba1cNgspToIfcc,
  measurementEntrySchema,
  outOfRangeError,
  toCanonicalUnit,
} from "./measurement-entry";

const NOW = new Date("2026-03-29T10:00:00Z");
const schema = measurementEntrySchema(() => NOW);
const at = "2026-03-29T08:30:00+02:00";

function accepted(input: MeasurementEntryInput) {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`refused: ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

/** The i18n keys of the refusal, by field. */
function refused(input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  expect(result.success, JSON.stringify(input)).toBe(false);
  return Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join(".") || "form", issue.message]));
}

describe("unit conversion", () => {
  it("converts pounds to kilograms, Fahrenheit to Celsius, inches to centimetres with UCUM", () => {
    expect(toCanonicalUnit("weight", 200, "[lb_av]")).toBeCloseTo(90.718474, 6);
    expect(toCanonicalUnit("bodyTemperature", 98.6, "[degF]")).toBeCloseTo(37, 6);
    expect(toCanonicalUnit("height", 70, "[in_i]")).toBeCloseTo(177.8, 6);
    expect(toCanonicalUnit("bloodPressure", 16, "kPa")).toBeCloseTo(120.01, 2);
  });

  it("converts glucose between mass and moles with its molar mass", () => {
    expect(toCanonicalUnit("bloodGlucose", 100, "mg/dL")).toBeCloseTo(5.55, 2);
    expect(toCanonicalUnit("bloodGlucose", 1.26, "g/L")).toBeCloseTo(6.99, 2);
    // Without the molar mass UCUM refuses: mass and amount of substance are different dimensions.
    expect(convertUcum(100, "mg/dL", "mmol/L")).toBeNull();
  });

  it("converts HbA1c between IFCC mmol/mol and NGSP % with the master equation, not UCUM's ratio", () => {
    expect(hba1cNgspToIfcc(6.5)).toBeCloseTo(48, 0);
    expect(hba1cIfccToNgsp(53)).toBeCloseTo(7.0, 1);
    expect(toCanonicalUnit("hba1c", 48, "mmol/mol")).toBeCloseTo(6.54, 2);
    // What UCUM would have said: % and mmol/mol as plain ratios, 6.5 % = 65 mmol/mol, clinically wrong.
    expect(convertUcum(6.5, "%", "mmol/mol")).toBeCloseTo(65, 6);
  });

  it("refuses a unit the kind does not take, even one UCUM could convert", () => {
    expect(toCanonicalUnit("weight", 70, "cm")).toBeNull();
    expect(toCanonicalUnit("weight", 70, "[oz_av]")).toBeNull();
  });
});

describe("a patient-entered measurement", () => {
  it("keeps a weight in kilograms as typed, with a note and the LOINC code", () => {
    expect(accepted({ kind: "weight", value: "72,5", unit: "kg", effectiveAt: at, note: "  après le petit-déjeuner " })).toEqual({
      kind: "weight",
      code: "29463-7",
      unit: "kg",
      value: 72.5,
      effectiveAt: new Date(at),
      note: "après le petit-déjeuner",
    });
  });

  it("converts to the canonical unit, rounds to the kind's decimals and remembers what was typed", () => {
    expect(accepted({ kind: "weight", value: 200, unit: "[lb_av]", effectiveAt: at })).toMatchObject({
      value: 90.72,
      unit: "kg",
      entered: { unit: "[lb_av]", value: 200 },
    });
    expect(accepted({ kind: "bodyTemperature", value: "101.3", unit: "[degF]", effectiveAt: at })).toMatchObject({
      value: 38.5,
      unit: "Cel",
    });
    expect(accepted({ kind: "bloodGlucose", value: 126, unit: "mg/dL", effectiveAt: at })).toMatchObject({ value: 7, unit: "mmol/L" });
    expect(accepted({ kind: "steps", value: 8042, unit: "/d", effectiveAt: at })).toMatchObject({ value: 8042, unit: "1/(24.h)" });
    expect(accepted({ kind: "painScore", value: 0, unit: "1", effectiveAt: at })).toMatchObject({ value: 0, code: "72514-3" });
  });

  it("takes blood pressure as one entry with both components, systolic above diastolic", () => {
    expect(accepted({ kind: "bloodPressure", systolic: 128, diastolic: "82", unit: "mm[Hg]", effectiveAt: at })).toEqual({
      kind: "bloodPressure",
      code: "85354-9",
      unit: "mm[Hg]",
      effectiveAt: new Date(at),
      systolic: { code: "8480-6", value: 128 },
      diastolic: { code: "8462-4", value: 82 },
    });
    expect(refused({ kind: "bloodPressure", systolic: 80, diastolic: 120, unit: "mm[Hg]", effectiveAt: at })).toEqual({
      systolic: ENTRY_ERRORS.systolicNotAboveDiastolic,
    });
    expect(refused({ kind: "bloodPressure", systolic: 120, diastolic: 120, unit: "mm[Hg]", effectiveAt: at })).toEqual({
      systolic: ENTRY_ERRORS.systolicNotAboveDiastolic,
    });
    expect(refused({ kind: "bloodPressure", systolic: 120, unit: "mm[Hg]", effectiveAt: at })).toEqual({
      diastolic: ENTRY_ERRORS.valueMissing,
    });
    expect(refused({ kind: "bloodPressure", systolic: 1200, diastolic: 80, unit: "mm[Hg]", effectiveAt: at })).toEqual({
      systolic: outOfRangeError("systolic"),
    });
  });

  it("refuses an implausible value rather than storing it", () => {
    expect(refused({ kind: "weight", value: 900, unit: "kg", effectiveAt: at })).toEqual({ value: outOfRangeError("weight") });
    expect(refused({ kind: "weight", value: -70, unit: "kg", effectiveAt: at })).toEqual({ value: outOfRangeError("weight") });
    expect(refused({ kind: "weight", value: 0, unit: "kg", effectiveAt: at })).toEqual({ value: outOfRangeError("weight") });
    // 37 typed with °F selected is 2.8 °C: the unit slip is caught after conversion.
    expect(refused({ kind: "bodyTemperature", value: 37, unit: "[degF]", effectiveAt: at })).toEqual({
      value: outOfRangeError("bodyTemperature"),
    });
    expect(refused({ kind: "painScore", value: 11, unit: "1", effectiveAt: at })).toEqual({ value: outOfRangeError("painScore") });
    expect(refused({ kind: "oxygenSaturation", value: 101, unit: "%", effectiveAt: at })).toEqual({
      value: outOfRangeError("oxygenSaturation"),
    });
  });

  it("accepts the limits themselves", () => {
    expect(accepted({ kind: "weight", value: 500, unit: "kg", effectiveAt: at })).toMatchObject({ value: 500 });
    expect(accepted({ kind: "oxygenSaturation", value: 100, unit: "%", effectiveAt: at })).toMatchObject({ value: 100 });
  });

  it("refuses what is not a number", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, "abc", "72 kg", "1e3", "", "7,2,1"]) {
      expect(refused({ kind: "weight", value, unit: "kg", effectiveAt: at }), String(value)).toEqual({
        value: ENTRY_ERRORS.valueNotNumber,
      });
    }
    expect(refused({ kind: "weight", unit: "kg", effectiveAt: at })).toEqual({ value: ENTRY_ERRORS.valueMissing });
  });

  it("refuses a unit that is not this kind's, including display symbols that are not UCUM", () => {
    expect(refused({ kind: "weight", value: 70, unit: "cm", effectiveAt: at })).toEqual({ unit: ENTRY_ERRORS.unitNotAccepted });
    expect(refused({ kind: "weight", value: 150, unit: "lb", effectiveAt: at })).toEqual({ unit: ENTRY_ERRORS.unitNotAccepted });
    expect(refused({ kind: "bloodPressure", systolic: 120, diastolic: 80, unit: "mmHg", effectiveAt: at })).toEqual({
      unit: ENTRY_ERRORS.unitNotAccepted,
    });
  });

  it("refuses an unknown kind, and BMI, which is computed", () => {
    expect(refused({ kind: "cholesterol", value: 5, unit: "mmol/L", effectiveAt: at })).toEqual({ kind: ENTRY_ERRORS.kindUnknown });
    expect(refused({ kind: "bmi", value: 22, unit: "kg/m2", effectiveAt: at })).toEqual({ kind: ENTRY_ERRORS.kindUnknown });
  });

  it("refuses a date in the future, before 1900, or not a date; tolerates a device clock a minute ahead", () => {
    expect(refused({ kind: "weight", value: 70, unit: "kg", effectiveAt: "2026-03-30T10:00:00Z" })).toEqual({
      effectiveAt: ENTRY_ERRORS.dateInFuture,
    });
    expect(refused({ kind: "weight", value: 70, unit: "kg", effectiveAt: "1899-12-31T23:00:00Z" })).toEqual({
      effectiveAt: ENTRY_ERRORS.dateTooOld,
    });
    expect(refused({ kind: "weight", value: 70, unit: "kg", effectiveAt: "hier" })).toEqual({ effectiveAt: ENTRY_ERRORS.dateInvalid });
    expect(accepted({ kind: "weight", value: 70, unit: "kg", effectiveAt: "2026-03-29T10:01:00Z" })).toMatchObject({ value: 70 });
    expect(accepted({ kind: "weight", value: 3.2, unit: "kg", effectiveAt: "1900-01-01T00:00:00Z" })).toMatchObject({ value: 3.2 });
  });

  it("refuses a note with a NUL or another control character, or longer than 500 characters", () => {
    const base = { kind: "weight", value: 70, unit: "kg", effectiveAt: at } as const;
    expect(refused({ ...base, note: "avant\u0000repas" })).toEqual({ note: ENTRY_ERRORS.noteControlCharacter });
    expect(refused({ ...base, note: "bip\u0007" })).toEqual({ note: ENTRY_ERRORS.noteControlCharacter });
    expect(refused({ ...base, note: "é".repeat(501) })).toEqual({ note: ENTRY_ERRORS.noteTooLong });
    expect(accepted({ ...base, note: "é".repeat(500) }).note).toHaveLength(500);
    expect(accepted({ ...base, note: "ligne 1\nligne 2\tfin" }).note).toBe("ligne 1\nligne 2\tfin");
    expect(accepted({ ...base, note: "   " })).not.toHaveProperty("note");
  });

  it("reports every problem at once", () => {
    expect(refused({ kind: "weight", value: 900, unit: "kg", effectiveAt: "2030-01-01T00:00:00Z", note: "\u0000" })).toEqual({
      value: outOfRangeError("weight"),
      effectiveAt: ENTRY_ERRORS.dateInFuture,
      note: ENTRY_ERRORS.noteControlCharacter,
    });
  });
});

describe("a converted blood pressure", () => {
  it("is stored in mm[Hg] and keeps the kPa values typed", () => {
    expect(accepted({ kind: "bloodPressure", systolic: "16", diastolic: "10,5", unit: "kPa", effectiveAt: at })).toMatchObject({
      systolic: { value: 120 },
      diastolic: { value: 79 },
      entered: { unit: "kPa", systolic: 16, diastolic: 10.5 },
    });
  });
});
