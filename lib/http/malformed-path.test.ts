import { describe, expect, it } from "vitest";
import { isMalformedPath, notFoundPathFor } from "./malformed-path";

describe("malformed paths", () => {
  it("tells escapes that are not UTF-8 from well-formed ones", () => {
    for (const path of ["/api/documents/5d0c1e9e-2b1f-4a55-9a6e-0e1f0b1d2c3a", "/catalogue/%C3%A9t%C3%A9%2F", "/api/documents/%25FF"])
      expect(isMalformedPath(path), path).toBe(false);
    for (const path of [
      "/api/documents/%FF",
      "/api/documents/%C3%28/file",
      "/api/documents/%E0%A4%A",
      "/api/documents/%",
      "/documents/%FF",
    ])
      expect(isMalformedPath(path), path).toBe(true);
  });

  it("sends the API to its JSON 404 and pages to the 404 page", () => {
    expect(notFoundPathFor("/api/fhir/Patient/%FF")).toBe("/api/not-found");
    expect(notFoundPathFor("/documents/%FF")).toBe("/introuvable");
  });
});
