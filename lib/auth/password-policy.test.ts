import { describe, expect, it } from "vitest";
import { checkPasswordShape, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from "./password-policy";

describe("password shape", () => {
  it("follows NIST: at least 12, at most 128, and 64 must be accepted", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
    expect(checkPasswordShape("x".repeat(11))).toBe("TOO_SHORT");
    expect(checkPasswordShape("x".repeat(12))).toBeNull();
    expect(checkPasswordShape("x".repeat(64))).toBeNull();
    expect(checkPasswordShape("x".repeat(128))).toBeNull();
    expect(checkPasswordShape("x".repeat(129))).toBe("TOO_LONG");
    expect(checkPasswordShape("")).toBe("TOO_SHORT");
  });

  it("imposes no composition rule and welcomes spaces", () => {
    expect(checkPasswordShape("tout en minuscules")).toBeNull();
    expect(checkPasswordShape("cheval agrafe batterie correcte")).toBeNull();
    expect(checkPasswordShape("            ")).toBeNull();
  });

  it("counts code points after NFC, not UTF-16 units", () => {
    // Eleven "é" typed as e + combining accent: 22 UTF-16 units, 11 characters once composed.
    const decomposed = "e\u0301".repeat(11);
    expect(decomposed.length).toBe(22);
    expect(passwordLength(decomposed)).toBe(11);
    expect(checkPasswordShape(decomposed)).toBe("TOO_SHORT");
    expect(checkPasswordShape(decomposed + "e\u0301")).toBeNull();
    // An emoji outside the BMP is two UTF-16 units but one character.
    expect(passwordLength("🩺".repeat(12))).toBe(12);
    expect(checkPasswordShape("🩺".repeat(11))).toBe("TOO_SHORT");
    expect(checkPasswordShape("🩺".repeat(128))).toBeNull();
    expect(checkPasswordShape("🩺".repeat(129))).toBe("TOO_LONG");
  });

  it("refuses a password containing the e-mail's local part or a name, whatever the case", () => {
    const personal = { email: "Jean.Dupont@example.fr", firstName: "Jean", lastName: "Dupont" };
    expect(checkPasswordShape("mon jean.dupont secret", personal)).toBe("PERSONAL");
    expect(checkPasswordShape("xxJEANxxxxxxxx", personal)).toBe("PERSONAL");
    expect(checkPasswordShape("le chat de dUpOnT", personal)).toBe("PERSONAL");
    expect(checkPasswordShape("le chat de la voisine", personal)).toBeNull();
    // Without the personal details the same password is fine.
    expect(checkPasswordShape("xxJEANxxxxxxxx")).toBeNull();
  });

  it("matches accented names whether typed composed or decomposed", () => {
    const personal = { firstName: "Hélène", lastName: "Roux" };
    expect(checkPasswordShape("bonjour he\u0301le\u0300ne 2024", personal)).toBe("PERSONAL");
    expect(checkPasswordShape("bonjour HÉLÈNE 2024", personal)).toBe("PERSONAL");
  });

  it("ignores fragments shorter than four characters, which would refuse too much", () => {
    const personal = { email: "li@example.fr", firstName: "Léa", lastName: "Roy" };
    expect(checkPasswordShape("lilas léa royale", personal)).toBeNull();
    // Only the local part is personal; the domain is shared with many people.
    expect(checkPasswordShape("example.fr tout court", { email: "lucie@example.fr" })).toBeNull();
    expect(checkPasswordShape("lucie tout court", { email: "lucie@example.fr" })).toBe("PERSONAL");
  });
});
