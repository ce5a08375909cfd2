import { describe, expect, it } from "vitest";
import { bmiFromReadings } from "./bmi";

const weight = (value: number, day: string, unit = "kg") => ({ code: "29463-7", value, unit, effectiveAt: new Date(`${day}T08:00:00Z`) });
const height = (value: number, day: string, unit = "cm") => ({ code: "8302-2", value, unit, effectiveAt: new Date(`${day}T08:00:00Z`) });

describe("BMI", () => {
  it("divides the latest weight by the square of the latest height, dated by the later of the two", () => {
    const bmi = bmiFromReadings([weight(80, "2026-01-10"), height(175, "2024-05-02"), weight(70, "2026-03-01"), height(160, "2010-01-01")]);
    expect(bmi).toMatchObject({ code: "39156-5", unit: "kg/m2", value: 22.9, effectiveAt: new Date("2026-03-01T08:00:00Z") });
    expect(bmi!.derivedFrom.weight.value).toBe(70);
    expect(bmi!.derivedFrom.height.value).toBe(175);
  });

  it("reads weights and heights stored in other units or under another code for the same thing", () => {
    expect(bmiFromReadings([weight(154.32, "2026-01-10", "[lb_av]"), { ...height(1.75, "2026-01-01", "m"), code: "8306-3" }])?.value).toBe(
      22.9,
    );
  });

  it("is absent without both a weight and a height, or when the pair cannot be one person", () => {
    expect(bmiFromReadings([weight(70, "2026-01-10")])).toBeNull();
    expect(bmiFromReadings([height(175, "2026-01-10"), { code: "8867-4", value: 60, unit: "/min", effectiveAt: new Date() }])).toBeNull();
    expect(bmiFromReadings([weight(3, "2026-01-10"), height(180, "2026-01-10")])).toBeNull();
    expect(bmiFromReadings([weight(70, "2026-01-10", "cm"), height(180, "2026-01-10")])).toBeNull();
  });
});
