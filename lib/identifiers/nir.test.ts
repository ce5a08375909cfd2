import { describe, expect, it } from "vitest";
import { isValidNir, normalizeNir, withNirKey } from "./nir";

/** The key computed independently of the module: 97 − (body mod 97), Corsica read as 19 / 18. */
function key(numericBody: string): string {
  return String(97n - (BigInt(numericBody) % 97n)).padStart(2, "0");
}

describe("NIR", () => {
  const body = "1840575123456";
  const valid = body + key(body);

  it("accepts a number whose key matches, with or without spaces", () => {
    expect(valid).toHaveLength(15);
    expect(isValidNir(valid)).toBe(true);
    expect(
      isValidNir(
        `${valid.slice(0, 1)} ${valid.slice(1, 3)} ${valid.slice(3, 5)} ${valid.slice(5, 7)} ${valid.slice(7, 10)} ${valid.slice(10, 13)} ${valid.slice(13)}`,
      ),
    ).toBe(true);
    expect(withNirKey(body)).toBe(valid);
  });

  it("refuses a wrong key, a changed digit, and swapped digits", () => {
    const wrongKey = body + String((Number(key(body)) % 97) + 1).padStart(2, "0");
    expect(isValidNir(wrongKey)).toBe(false);
    const changed = valid.slice(0, 9) + ((Number(valid[9]) + 1) % 10) + valid.slice(10);
    expect(isValidNir(changed)).toBe(false);
    const swapped = valid.slice(0, 9) + valid[10] + valid[9] + valid.slice(11);
    expect(swapped).not.toBe(valid);
    expect(isValidNir(swapped)).toBe(false);
  });

  it("handles Corsica: 2A counts as 19 and 2B as 18 in the key", () => {
    const corsicaA = "284052A123456";
    const nirA = corsicaA + key("2840519123456");
    expect(isValidNir(nirA)).toBe(true);
    expect(isValidNir(nirA.toLowerCase())).toBe(true);
    expect(withNirKey(corsicaA)).toBe(nirA);
    const corsicaB = "284052B123456";
    const nirB = corsicaB + key("2840518123456");
    expect(isValidNir(nirB)).toBe(true);
    // The two departments give different keys, so a mixed-up letter is caught.
    expect(nirA.slice(13)).not.toBe(nirB.slice(13));
    expect(isValidNir(corsicaB + nirA.slice(13))).toBe(false);
  });

  it("refuses a wrong length", () => {
    expect(isValidNir(valid.slice(0, 14))).toBe(false);
    expect(isValidNir(`${valid}0`)).toBe(false);
    expect(isValidNir("")).toBe(false);
  });

  it("refuses letters anywhere but a Corsican department", () => {
    for (let i = 0; i < 15; i++) {
      if (i === 5 || i === 6) continue;
      expect(isValidNir(`${valid.slice(0, i)}A${valid.slice(i + 1)}`), `letter at ${i}`).toBe(false);
    }
    const notCorsica = "1840523123456".replace("23", "2C");
    expect(isValidNir(notCorsica + "00")).toBe(false);
    expect(isValidNir("184052A1234561A")).toBe(false);
  });

  it("checks the sex digit and the month", () => {
    const withBody = (b: string) => b + key(b);
    for (const sex of ["1", "2", "3", "4", "7", "8"]) expect(isValidNir(withBody(`${sex}840575123456`)), sex).toBe(true);
    for (const sex of ["0", "5", "6", "9"]) expect(isValidNir(withBody(`${sex}840575123456`)), sex).toBe(false);
    for (const month of ["01", "12", "20", "42", "50", "99"]) expect(isValidNir(withBody(`184${month}75123456`)), month).toBe(true);
    for (const month of ["00", "13", "19", "43", "49"]) expect(isValidNir(withBody(`184${month}75123456`)), month).toBe(false);
  });

  it("normalizes by removing spaces and upper-casing", () => {
    expect(normalizeNir(" 2 84 05 2a 123 456 12 ")).toBe("284052A12345612");
    expect(() => withNirKey("12345")).toThrow();
  });
});
