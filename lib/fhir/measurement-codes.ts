/**
 * The measurements apps may write, as LOINC codes with the one UCUM unit each must come in (no unit
 * conversion: a value in pounds is refused rather than guessed at) and a plausible range that catches
 * a unit slip or a typo. The patient's page names each type through the `fhir.types.<code>` messages.
 */
export const MEASUREMENT_CODES = {
  "29463-7": { display: "Body weight", unit: "kg", min: 0.2, max: 500 },
  "8867-4": { display: "Heart rate", unit: "/min", min: 10, max: 350 },
  "8480-6": { display: "Systolic blood pressure", unit: "mm[Hg]", min: 30, max: 300 },
  "8462-4": { display: "Diastolic blood pressure", unit: "mm[Hg]", min: 10, max: 250 },
  "2339-0": { display: "Glucose [Mass/volume] in Blood", unit: "mg/dL", min: 5, max: 2000 },
  "8310-5": { display: "Body temperature", unit: "Cel", min: 25, max: 46 },
  "59408-5": { display: "Oxygen saturation in Arterial blood by Pulse oximetry", unit: "%", min: 30, max: 100 },
  "55423-8": { display: "Number of steps", unit: "{steps}", min: 0, max: 200_000 },
} as const satisfies Record<string, { display: string; unit: string; min: number; max: number }>;

export type MeasurementCode = keyof typeof MEASUREMENT_CODES;

export const LOINC_SYSTEM = "http://loinc.org";
export const UCUM_SYSTEM = "http://unitsofmeasure.org";

export function isMeasurementCode(code: string): code is MeasurementCode {
  return Object.hasOwn(MEASUREMENT_CODES, code);
}
