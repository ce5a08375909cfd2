import { describe, expect, it } from "vitest";
import { parseScopeParameter, scopesAllow, widens } from "./smart-scopes";

describe("SMART scopes", () => {
  it("separates known scopes from unknown ones, without duplicates", () => {
    expect(parseScopeParameter("patient/Patient.r  offline_access patient/Patient.r user/*.* openid")).toEqual({
      known: ["patient/Patient.r", "offline_access"],
      unknown: ["user/*.*", "openid"],
    });
    expect(parseScopeParameter(undefined)).toEqual({ known: [], unknown: [] });
  });

  it("allows an interaction only through a scope naming its resource type and permission", () => {
    const granted = ["patient/DocumentReference.rs", "patient/Observation.c"];
    expect(scopesAllow(granted, "DocumentReference", "read")).toBe(true);
    expect(scopesAllow(granted, "DocumentReference", "search")).toBe(true);
    expect(scopesAllow(granted, "DocumentReference", "create")).toBe(false);
    expect(scopesAllow(granted, "Observation", "create")).toBe(true);
    expect(scopesAllow(granted, "Observation", "read")).toBe(false);
    expect(scopesAllow(granted, "Patient", "read")).toBe(false);
    expect(scopesAllow(["patient/*.rs"], "Patient", "read")).toBe(false);
  });

  it("says when a request asks for more than was granted", () => {
    expect(widens(["patient/Patient.r"], ["patient/Patient.r"])).toBe(false);
    expect(widens(["patient/Patient.r"], ["patient/Patient.r", "patient/Observation.c"])).toBe(true);
  });
});
