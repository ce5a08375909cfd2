import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/vault.json";
import fr from "@/lib/i18n/messages/fr/vault.json";
import { fileRefusalReasons } from "./file-refusal-reasons";

describe("refusal messages", () => {
  it("exist in French and English for every reason, and for no other", () => {
    for (const catalogue of [fr, en]) {
      expect(Object.keys(catalogue.vault.refusal).sort()).toEqual([...fileRefusalReasons].sort());
      for (const reason of fileRefusalReasons) expect(catalogue.vault.refusal[reason].length, reason).toBeGreaterThan(20);
    }
    expect(fr.vault.refusal.TOO_LARGE).toContain("{maxMegabytes}");
    expect(en.vault.refusal.TOO_LARGE).toContain("{maxMegabytes}");
  });

  it("keep the same keys in both languages", () => {
    const keys = (value: object, prefix = ""): string[] =>
      Object.entries(value).flatMap(([key, child]) => (typeof child === "object" ? keys(child, `${prefix}${key}.`) : [`${prefix}${key}`]));
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });
});
