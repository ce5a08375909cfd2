import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { checkPassword } from "./check-password";
import { isCommonPassword } from "./password-blocklist";

const list = dictionary["passwords-common"];
// Entries long enough to pass the length rule: only the blocklist can refuse them.
const longCommon = list.filter((entry) => [...entry].length >= 12 && [...entry].length <= 128);

describe("common passwords", () => {
  it("uses the full offline list", () => {
    expect(list.length).toBe(49_233);
    expect(longCommon.length).toBeGreaterThan(100);
  });

  it("refuses every list entry of an acceptable length, in any case", () => {
    for (const entry of longCommon) {
      expect(checkPassword(entry), entry).toBe("COMMON");
      expect(checkPassword(entry.toUpperCase()), entry).toBe("COMMON");
    }
    expect(isCommonPassword("PassWord")).toBe(true);
  });

  it("refuses one repeated character, a short block repeated, and simple sequences", () => {
    for (const weak of [
      "aaaaaaaaaaaaaa",
      "            ",
      "abcabcabcabc",
      "121212121212",
      "123456789012",
      "abcdefghijklm",
      "zyxwvutsrqpon",
      "987654321098",
    ]) {
      expect(checkPassword(weak), weak).toBe("COMMON");
    }
  });

  it("accepts what is merely unusual, not common", () => {
    for (const fine of ["vélo rouge sous la pluie", "ordonnance 7 marron", "abcdefghijkz"]) {
      expect(isCommonPassword(fine), fine).toBe(false);
      expect(checkPassword(fine), fine).toBeNull();
    }
  });
});

describe("checkPassword", () => {
  it("accepts a 64-character passphrase", () => {
    const passphrase = "le petit chien du pharmacien traverse la place sous la neige 421";
    expect([...passphrase]).toHaveLength(64);
    expect(checkPassword(passphrase)).toBeNull();
  });

  it("refuses 11 characters and 129 characters, before looking at the list", () => {
    expect(checkPassword("kq7 mz2 wp9")).toBe("TOO_SHORT");
    expect(checkPassword("kq7 mz2 wp9!")).toBeNull();
    expect(checkPassword("ab".repeat(64) + "c")).toBe("TOO_LONG");
    // A short common password is reported as too short: the person must fix the length first anyway.
    expect(checkPassword("password")).toBe("TOO_SHORT");
  });

  it("refuses a password containing the person's name or e-mail", () => {
    const personal = { email: "margaux.leroy@example.fr", firstName: "Margaux", lastName: "Leroy" };
    expect(checkPassword("margaux.leroy 1990", personal)).toBe("PERSONAL");
    expect(checkPassword("vive LEROY et les autres", personal)).toBe("PERSONAL");
    expect(checkPassword("vive les autres du quartier", personal)).toBeNull();
  });
});
