import { describe, expect, it } from "vitest";
import { isValidRpps, luhnCheckDigit, withRppsCheckDigit } from "./rpps";

describe("RPPS identifiers", () => {
  it("computes the Luhn check digit", () => {
    // 7992739871 is the classic Luhn example: its check digit is 3.
    expect(luhnCheckDigit("7992739871")).toBe(3);
    expect(withRppsCheckDigit("1000000001")).toHaveLength(11);
  });

  it("accepts a valid identifier and refuses a changed digit, a swap, or a wrong length", () => {
    const id = withRppsCheckDigit("1012345678");
    expect(isValidRpps(id)).toBe(true);
    const changed = id.slice(0, 3) + ((Number(id[3]) + 1) % 10) + id.slice(4);
    expect(isValidRpps(changed)).toBe(false);
    expect(isValidRpps(id.slice(0, 10))).toBe(false);
    expect(isValidRpps(`${id}0`)).toBe(false);
    expect(isValidRpps("1012345678a")).toBe(false);
  });
});
