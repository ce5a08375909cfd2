import { describe, expect, it } from "vitest";
import { MEASUREMENT_CODES, isMeasurementCode } from "@/lib/fhir/measurement-codes";
import { messages } from "@/lib/i18n/messages";
import {
  ENTERED_KIND_IDS,
  MEASUREMENT_KINDS,
  MEASUREMENT_KIND_IDS,
  type MeasurementKind,
  kindOfCode,
  roundForKind,
} from "./measurement-kinds";
import { isUcumUnit } from "./ucum";

describe("measurement kinds", () => {
  it("names each kind with the French guide's LOINC code", () => {
    // ans.fhir.fr.mesures 3.1.1, "Liste des codes des observations" and the profiles' patternCoding.
    expect(Object.fromEntries(MEASUREMENT_KIND_IDS.map((id) => [id, MEASUREMENT_KINDS[id].code]))).toEqual({
      weight: "29463-7",
      height: "8302-2",
      bmi: "39156-5",
      bloodPressure: "85354-9",
      heartRate: "8867-4",
      bodyTemperature: "8310-5",
      oxygenSaturation: "59408-5",
      bloodGlucose: "2339-0",
      hba1c: "4548-4",
      waistCircumference: "8280-0",
      painScore: "72514-3",
      steps: "41950-7",
    });
    expect(MEASUREMENT_KINDS.bloodPressure.components.systolic.code).toBe("8480-6");
    expect(MEASUREMENT_KINDS.bloodPressure.components.diastolic.code).toBe("8462-4");
  });

  it("uses only valid UCUM codes, the canonical unit accepted first", () => {
    for (const id of MEASUREMENT_KIND_IDS) {
      const kind: MeasurementKind = MEASUREMENT_KINDS[id];
      expect(isUcumUnit(kind.unit), `${id} ${kind.unit}`).toBe(true);
      expect(kind.inputUnits[0], id).toBe(kind.unit);
      for (const unit of kind.inputUnits) expect(isUcumUnit(unit), `${id} ${unit}`).toBe(true);
      expect(kind.min, id).toBeLessThan(kind.max);
    }
  });

  it("gives every code the FHIR intake accepts a kind, in a unit that kind takes", () => {
    for (const [code, { unit }] of Object.entries(MEASUREMENT_CODES)) {
      const id = kindOfCode(code);
      expect(id, code).toBeDefined();
      const kind: MeasurementKind = MEASUREMENT_KINDS[id!];
      // The intake's steps code (55423-8) counts over an unspecified time in {steps}; the guide's kind is a
      // count per 24 h (41950-7, 1/(24.h)): the two do not convert, the FHIR intake keeps its own unit.
      if (!kind.components && code !== "55423-8") expect(kind.inputUnits, code).toContain(unit);
    }
    expect(isMeasurementCode("29463-7")).toBe(true);
  });

  it("finds the kind of a component, another code for the same thing, or none", () => {
    expect(kindOfCode("8480-6")).toBe("bloodPressure");
    expect(kindOfCode("55423-8")).toBe("steps");
    expect(kindOfCode("2708-6")).toBe("oxygenSaturation");
    expect(kindOfCode("1234-5")).toBeUndefined();
  });

  it("rounds to the kind's decimals, half away from zero", () => {
    expect(roundForKind("weight", 90.718474)).toBe(90.72);
    expect(roundForKind("bodyTemperature", 37.25)).toBe(37.3);
    expect(roundForKind("heartRate", 71.5)).toBe(72);
  });

  it("leaves BMI out of what a person enters", () => {
    expect(ENTERED_KIND_IDS).not.toContain("bmi");
    expect(ENTERED_KIND_IDS).toHaveLength(MEASUREMENT_KIND_IDS.length - 1);
  });

  it("names each kind and states each kind's limits in both languages, as the code has them", () => {
    for (const [locale, format] of [
      ["fr", new Intl.NumberFormat("fr-FR")],
      ["en", new Intl.NumberFormat("en-GB")],
    ] as const) {
      const catalogue = messages[locale].measurementKinds;
      for (const id of MEASUREMENT_KIND_IDS) expect(catalogue.names[id], id).toBeTruthy();
      type Limited = [keyof typeof catalogue.errors.outOfRange, { min: number; max: number }];
      const limited: Limited[] = [
        ...ENTERED_KIND_IDS.filter((id): id is Exclude<typeof id, "bloodPressure"> => id !== "bloodPressure").map((id): Limited => [
          id,
          MEASUREMENT_KINDS[id],
        ]),
        ["systolic", MEASUREMENT_KINDS.bloodPressure.components.systolic],
        ["diastolic", MEASUREMENT_KINDS.bloodPressure.components.diastolic],
      ];
      // French groups thousands with a narrow no-break space; the catalogue writes an ordinary one.
      const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
      for (const [target, { min, max }] of limited) {
        const text = plain(catalogue.errors.outOfRange[target]);
        expect(text, `${locale} ${target}`).toContain(plain(format.format(min)));
        expect(text, `${locale} ${target}`).toContain(plain(format.format(max)));
      }
    }
  });
});
