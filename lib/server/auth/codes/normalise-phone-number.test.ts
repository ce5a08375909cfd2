import { describe, expect, it } from "vitest";
import { formatPhone, maskEmail, maskPhone } from "./describe-destination";
import { normalisePhoneNumber } from "./normalise-phone-number";

describe("normalisePhoneNumber", () => {
  it("turns French mobiles written the usual ways into E.164", () => {
    for (const typed of [
      "06 12 34 56 78",
      "0612345678",
      "06.12.34.56.78",
      "06-12-34-56-78",
      "+33 6 12 34 56 78",
      "+33612345678",
      "0033 6 12 34 56 78",
      "+33 (0)6 12 34 56 78",
      "+33 06 12 34 56 78",
    ]) {
      expect(normalisePhoneNumber(typed), typed).toBe("+33612345678");
    }
    expect(normalisePhoneNumber("07 81 23 45 67")).toBe("+33781234567");
  });

  it("gives overseas French mobiles their own country code", () => {
    expect(normalisePhoneNumber("0692 12 34 56")).toBe("+262692123456");
    expect(normalisePhoneNumber("0639 12 34 56")).toBe("+262639123456");
    expect(normalisePhoneNumber("0690 12 34 56")).toBe("+590690123456");
    expect(normalisePhoneNumber("0694 12 34 56")).toBe("+594694123456");
    expect(normalisePhoneNumber("0696 12 34 56")).toBe("+596696123456");
    expect(normalisePhoneNumber("+262 692 12 34 56")).toBe("+262692123456");
  });

  it("keeps other countries' numbers given in international form", () => {
    expect(normalisePhoneNumber("+44 7700 900123")).toBe("+447700900123");
    expect(normalisePhoneNumber("0032 470 12 34 56")).toBe("+32470123456");
  });

  it("refuses landlines, short or long numbers, letters and national numbers of other countries", () => {
    for (const typed of [
      "01 23 45 67 89",
      "09 12 34 56 78",
      "+33 1 23 45 67 89",
      "06 12 34 56",
      "06 12 34 56 78 9",
      "06 12 AB 56 78",
      "612345678",
      "+0 612345678",
      "",
      "+",
      "06 12 34 56 78 ext 2",
      "1".repeat(41),
    ]) {
      expect(normalisePhoneNumber(typed), typed).toBeNull();
    }
  });
});

describe("destinations as shown", () => {
  it("masks an address to its first letter and domain, and a phone to its last two digits", () => {
    expect(maskEmail("camille.martin@example.fr")).toBe("c•••@example.fr");
    expect(maskPhone("+33612345678")).toBe("•• •• •• •• 78");
  });

  it("writes French mobiles the French way, others in E.164", () => {
    expect(formatPhone("+33612345678")).toBe("06 12 34 56 78");
    expect(formatPhone("+447700900123")).toBe("+447700900123");
  });
});
