import { describe, expect, it } from "vitest";
import { observationInputSchema } from "./observation-input";

const systolic = (valueQuantity: Record<string, unknown>, effectiveDateTime = "2026-01-15T07:30:00Z") => ({
  resourceType: "Observation",
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "8480-6" }] },
  effectiveDateTime,
  valueQuantity,
});
const UCUM = "http://unitsofmeasure.org";
const issuePaths = (input: unknown) => {
  const parsed = observationInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."));
};

describe("observationInputSchema: units", () => {
  it("accepts the canonical UCUM form, a display unit beside the UCUM code", () => {
    const parsed = observationInputSchema.safeParse(systolic({ value: 120, unit: "mmHg", system: UCUM, code: "mm[Hg]" }));
    expect(parsed.success).toBe(true);
    // What is stored is the allowlisted UCUM unit, whatever the display said.
    expect(parsed.data?.unit).toBe("mm[Hg]");
  });

  it("judges the unit by its UCUM code; the display is free text", () => {
    expect(
      observationInputSchema.safeParse(systolic({ value: 120, unit: "millimètres de mercure", system: UCUM, code: "mm[Hg]" })).success,
    ).toBe(true);
    expect(observationInputSchema.safeParse(systolic({ value: 120, unit: "mm[Hg]" })).success).toBe(true);
  });

  it("names the field that is wrong", () => {
    // A wrong UCUM code: the code is at fault, not the display.
    expect(issuePaths(systolic({ value: 16, unit: "mmHg", system: UCUM, code: "kPa" }))).toEqual(["valueQuantity.code"]);
    // No code, only a display that is not the UCUM unit: the unit is at fault.
    expect(issuePaths(systolic({ value: 120, unit: "mmHg" }))).toEqual(["valueQuantity.unit"]);
    // Neither: the code is missing.
    expect(issuePaths(systolic({ value: 120 }))).toEqual(["valueQuantity.code"]);
    // A code from another system than UCUM.
    expect(issuePaths(systolic({ value: 120, system: "http://example.org/units", code: "mm[Hg]" }))).toEqual(["valueQuantity.system"]);
  });
});

describe("observationInputSchema: dates", () => {
  it("refuses an effectiveDateTime PostgreSQL cannot store, naming it", () => {
    for (const date of ["0000-01-01T00:00:00Z", "0000-06-01T10:00:00+02:00", "1899-12-31T23:00:00Z"]) {
      expect(issuePaths(systolic({ value: 120, system: UCUM, code: "mm[Hg]" }, date)), date).toEqual(["effectiveDateTime"]);
    }
  });

  it("refuses a NUL in the display unit", () => {
    expect(issuePaths(systolic({ value: 120, unit: "mm\u0000Hg", system: UCUM, code: "mm[Hg]" }))).toEqual(["valueQuantity.unit"]);
  });
});
