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
});
