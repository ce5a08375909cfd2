import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/client";
import { SECTIONS } from "@/lib/navigation/sections";
import type { Actor } from "@/lib/server/policy/policy";
import { visibleSections } from "./visible-sections";

const id = "11111111-1111-4111-8111-111111111111";
const full = (...roles: Role[]): Actor => ({ userId: id, roles, stage: "FULL", hasConfirmedFactor: true });
const ids = (actor: Actor | null) => visibleSections(actor).map((section) => section.id);

const PATIENT = [
  "home",
  "documents",
  "measurements",
  "record",
  "identity",
  "access",
  "connectedApps",
  "catalogue",
  "history",
  "alerts",
  "security",
  "support",
];
const ACCOUNT_ONLY = ["home", "catalogue", "security", "support"];

describe("visibleSections", () => {
  it("shows nothing to a visitor or to a session still short of its second factor", () => {
    expect(ids(null)).toEqual([]);
    expect(ids({ userId: id, roles: ["PATIENT", "ADMIN"], stage: "PASSWORD_VERIFIED", hasConfirmedFactor: true })).toEqual([]);
  });

  it("gives a patient their record, their sharing and their account, and no professional or staff page", () => {
    expect(ids(full("PATIENT"))).toEqual(PATIENT);
  });

  it("gives a professional without a patient account the professional space and no health page of their own", () => {
    expect(ids(full("PROFESSIONAL"))).toEqual([...ACCOUNT_ONLY, "proPatients"]);
  });

  it("gives each staff role exactly the admin pages its permissions open", () => {
    expect(ids(full("SUPPORT"))).toEqual([...ACCOUNT_ONLY, "adminAccounts", "adminTickets"]);
    expect(ids(full("CURATOR"))).toEqual([...ACCOUNT_ONLY, "adminCatalogue"]);
    expect(ids(full("ADMIN"))).toEqual([...ACCOUNT_ONLY, "adminRoles", "adminDashboard", "adminAudit", "adminJobs"]);
  });

  it("adds the spaces of a person with several roles, each once", () => {
    const sections = ids(full("PATIENT", "PROFESSIONAL", "CURATOR"));
    expect(sections).toEqual([...PATIENT, "proPatients", "adminCatalogue"]);
    expect(new Set(sections).size).toBe(sections.length);
  });

  it("keeps the phone's bottom bar to at most five destinations for any role", () => {
    const everyone = full("PATIENT", "PROFESSIONAL", "SUPPORT", "CURATOR", "ADMIN");
    expect(visibleSections(everyone).filter((section) => "bottomBar" in section && section.bottomBar).length).toBeLessThanOrEqual(5);
    expect(new Set(SECTIONS.map((section) => section.href)).size).toBe(SECTIONS.length);
  });
});
