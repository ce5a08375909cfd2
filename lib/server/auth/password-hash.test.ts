import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword, verifyPasswordAgainstDummy } from "./password-hash";

describe("password hashing", () => {
  it("uses argon2id with OWASP's parameters and a fresh salt each time", async () => {
    const first = await hashPassword("une phrase de passe assez longue");
    const second = await hashPassword("une phrase de passe assez longue");
    expect(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(first).not.toBe(second);
    expect(first).not.toContain("une phrase");
  });

  it("verifies the right password and refuses any other", async () => {
    const stored = await hashPassword("cheval agrafe batterie correcte");
    expect(await verifyPassword(stored, "cheval agrafe batterie correcte")).toBe(true);
    expect(await verifyPassword(stored, "cheval agrafe batterie correctE")).toBe(false);
    expect(await verifyPassword(stored, "cheval agrafe batterie correcte ")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("matches a password typed with decomposed accents", async () => {
    const stored = await hashPassword("mot de passe été");
    expect(await verifyPassword(stored, "mot de passe e\u0301te\u0301")).toBe(true);
  });

  it("returns false, without throwing, for a malformed stored hash", async () => {
    const stored = await hashPassword("une phrase de passe assez longue");
    for (const malformed of ["", "not a hash", "$argon2id$v=19$m=19456,t=2,p=1$", stored.slice(0, -10), "$2b$10$abcdefghijklmnopqrstuv"]) {
      await expect(verifyPassword(malformed, "une phrase de passe assez longue")).resolves.toBe(false);
    }
  });

  it("spends a real argon2 verification against the dummy and always says no", async () => {
    expect(await verifyPasswordAgainstDummy("une phrase de passe assez longue")).toBe(false);
    expect(await verifyPasswordAgainstDummy("")).toBe(false);
    // Roughly the cost of a real check: a shortcut returning false at once would be far faster.
    const stored = await hashPassword("une phrase de passe assez longue");
    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      for (let i = 0; i < 4; i++) await fn();
      return performance.now() - start;
    };
    const real = await time(() => verifyPassword(stored, "wrong password here"));
    const dummy = await time(() => verifyPasswordAgainstDummy("wrong password here"));
    expect(dummy).toBeGreaterThan(real * 0.25);
  });
});
