import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps paths of this site with their query and fragment", () => {
    expect(safeRedirectPath("/securite")).toBe("/securite");
    expect(safeRedirectPath("/espace?onglet=documents#haut")).toBe("/espace?onglet=documents#haut");
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "evil.example",
    "",
    undefined,
    42,
  ])("falls back for %s", (payload) => {
    expect(safeRedirectPath(payload)).toBe("/espace");
    expect(safeRedirectPath(payload, "/")).toBe("/");
  });

  // Dot segments are removed by URL parsing, so these came out as `//evil.example/x` before the result
  // itself was judged.
  it.each([
    "/.//evil.example/x",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/./\\evil.example",
    "/.\\/evil.example",
    "/.\t//evil.example",
    "/%2F%2Fevil.example",
    "/%2f/evil.example",
    "/%5Cevil.example",
    "/%5c%5cevil.example",
    "/.%2F/evil.example",
    "/%E0%A4%A",
    "HTTPS://evil.example",
    "hTtP://evil.example",
    "JaVaScRiPt:alert(1)",
    " //evil.example",
  ])("falls back for %s, whose normalised form leaves the site", (payload) => {
    expect(safeRedirectPath(payload)).toBe("/espace");
  });

  it("keeps ordinary paths that merely contain dot segments or encoded characters", () => {
    expect(safeRedirectPath("/documents/../espace")).toBe("/espace");
    expect(safeRedirectPath("/documents?q=a%2Fb")).toBe("/documents?q=a%2Fb");
    expect(safeRedirectPath("/securite/./confirmer")).toBe("/securite/confirmer");
  });
});
