import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documentCategories, isDocumentCategory } from "./document-categories";

describe("document categories", () => {
  it("lists exactly the values of the DocumentCategory enum of the schema", () => {
    const schema = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
    const block = /enum DocumentCategory \{([^}]*)\}/.exec(schema)?.[1] ?? "";
    const values = block
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => /^[A-Z_]+$/.test(line));
    expect([...documentCategories].sort()).toEqual(values.sort());
    expect(values.length).toBe(12);
  });

  it("recognises a category and nothing else", () => {
    expect(isDocumentCategory("LAB_RESULTS")).toBe(true);
    expect(isDocumentCategory("lab_results")).toBe(false);
    expect(isDocumentCategory("toString")).toBe(false);
    expect(isDocumentCategory(undefined)).toBe(false);
  });
});
