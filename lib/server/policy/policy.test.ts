import { describe, expect, it } from "vitest";
import { can, type Actor, type Permission } from "./policy";

const owner = "11111111-1111-4111-8111-111111111111";
const base = { userId: owner, roles: ["PATIENT"] as const, hasConfirmedFactor: true };
const actors: Record<string, Actor> = {
  anonymous: null,
  half: { ...base, stage: "PASSWORD_VERIFIED" },
  halfNewAccount: { ...base, stage: "PASSWORD_VERIFIED", hasConfirmedFactor: false },
  full: { ...base, stage: "FULL" },
  otherPatient: { ...base, userId: "22222222-2222-4222-8222-222222222222", stage: "FULL" },
  support: { ...base, userId: "33333333-3333-4333-8333-333333333333", roles: ["SUPPORT"], stage: "FULL" },
};

// Every cell of the table is asserted: adding a permission or an actor without deciding fails here.
const expected: Record<Permission, Record<keyof typeof actors, boolean>> = {
  "health:read-own": { anonymous: false, half: false, halfNewAccount: false, full: true, otherPatient: false, support: false },
  "health:write-own": { anonymous: false, half: false, halfNewAccount: false, full: true, otherPatient: false, support: false },
  "session:full": { anonymous: false, half: false, halfNewAccount: false, full: true, otherPatient: true, support: true },
  "account:manage-own": { anonymous: false, half: false, halfNewAccount: false, full: true, otherPatient: true, support: true },
  "account:enrol-first-factor": { anonymous: false, half: false, halfNewAccount: true, full: true, otherPatient: true, support: true },
};

describe("policy", () => {
  for (const [permission, row] of Object.entries(expected)) {
    for (const [name, allowed] of Object.entries(row)) {
      it(`${allowed ? "allows" : "refuses"} ${permission} to ${name}`, () => {
        expect(can(actors[name], permission as Permission, { ownerId: owner })).toBe(allowed);
      });
    }
  }

  it("refuses a permission it does not know", () => {
    expect(can(actors.full, "admin:everything" as Permission, { ownerId: owner })).toBe(false);
  });
});
