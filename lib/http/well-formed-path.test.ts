import { describe, expect, it } from "vitest";
import { wellFormedPath } from "./well-formed-path";

describe("wellFormedPath", () => {
  it("leaves a well-formed path alone", () => {
    expect(wellFormedPath("/api/documents/5d0c1e9e-2b1f-4a55-9a6e-0e1f0b1d2c3a")).toBeNull();
    expect(wellFormedPath("/catalogue/%C3%A9t%C3%A9%2F")).toBeNull();
  });

  it("turns escapes that are not UTF-8, and a lone %, into a path decodeURIComponent reads", () => {
    for (const path of ["/api/documents/%FF", "/api/documents/%C3%28/file", "/api/documents/%E0%A4%A", "/api/documents/%", "/x/%ZZ%C3%A9%FF"]) {
      expect(() => decodeURIComponent(path), path).toThrow();
      const fixed = wellFormedPath(path)!;
      expect(decodeURIComponent(fixed), path).toContain("/");
    }
    expect(wellFormedPath("/api/documents/%FF")).toBe("/api/documents/%EF%BF%BD");
    expect(wellFormedPath("/api/documents/%C3%28/file")).toBe("/api/documents/%EF%BF%BD(/file");
    expect(wellFormedPath("/a/%")).toBe("/a/%25");
    // Good sequences next to a bad one keep their meaning, slashes included.
    expect(decodeURIComponent(wellFormedPath("/x/%C3%A9%FF%2F")!)).toBe("/x/é\uFFFD/");
  });
});
