import { MEASUREMENT_KINDS, kindOfCode, roundForKind } from "./measurement-kinds";
import { convertUcum } from "./ucum";

type Reading = { code: string; value: number; unit: string; effectiveAt: Date };

export type Bmi = { code: string; unit: string; value: number; effectiveAt: Date; derivedFrom: { weight: Reading; height: Reading } };

function latest(readings: readonly Reading[], kind: "weight" | "height"): Reading | undefined {
  let found: Reading | undefined;
  for (const reading of readings) {
    if (kindOfCode(reading.code) !== kind) continue;
    if (!found || reading.effectiveAt > found.effectiveAt) found = reading;
  }
  return found;
}

/**
 * The body mass index from the latest weight and the latest height among `readings` (kg / m², the WHO
 * definition), dated by the later of the two; null when either is missing, in a unit that does not
 * convert, or when the result is implausible (a weight and a height of different people).
 *
 * Simplified: an adult's height barely changes, so the latest one is used however old; for a child a
 * height from years ago gives a wrong BMI, and the caller (which knows the patient's age) should then
 * ask for a new height rather than show this one.
 */
export function bmiFromReadings(readings: readonly Reading[]): Bmi | null {
  const weight = latest(readings, "weight");
  const height = latest(readings, "height");
  if (!weight || !height) return null;
  const kg = convertUcum(weight.value, weight.unit, "kg");
  const m = convertUcum(height.value, height.unit, "m");
  if (kg === null || m === null || m <= 0) return null;
  const { code, unit, min, max } = MEASUREMENT_KINDS.bmi;
  const value = roundForKind("bmi", kg / (m * m));
  if (value < min || value > max) return null;
  const effectiveAt = weight.effectiveAt > height.effectiveAt ? weight.effectiveAt : height.effectiveAt;
  return { code, unit, value, effectiveAt, derivedFrom: { weight, height } };
}
