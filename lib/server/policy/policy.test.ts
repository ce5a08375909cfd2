import { describe, expect, it } from "vitest";
import { can, type Actor, type Permission } from "./policy";

const owner = "11111111-1111-4111-8111-111111111111";
const base = { userId: owner, roles: ["PATIENT"] as const, hasConfirmedFactor: true };
const actors: Record<string, Actor | null> = {
  anonymous: null,
  half: { ...base, stage: "PASSWORD_VERIFIED" },
  halfNewAccount: { ...base, stage: "PASSWORD_VERIFIED", hasConfirmedFactor: false },
  full: { ...base, stage: "FULL" },
  otherPatient: { ...base, userId: "22222222-2222-4222-8222-222222222222", stage: "FULL" },
  support: { ...base, userId: "33333333-3333-4333-8333-333333333333", roles: ["SUPPORT"], stage: "FULL" },
  curator: { ...base, userId: "44444444-4444-4444-8444-444444444444", roles: ["CURATOR"], stage: "FULL" },
  admin: { ...base, userId: "55555555-5555-4555-8555-555555555555", roles: ["ADMIN"], stage: "FULL" },
  halfAdmin: { ...base, userId: "55555555-5555-4555-8555-555555555555", roles: ["ADMIN"], stage: "PASSWORD_VERIFIED" },
};

// Every cell of the table is asserted: adding a permission or an actor without deciding fails here.
type Row = Record<keyof typeof actors, boolean>;
const none: Row = {
  anonymous: false,
  half: false,
  halfNewAccount: false,
  full: false,
  otherPatient: false,
  support: false,
  curator: false,
  admin: false,
  halfAdmin: false,
};
const only = (...names: (keyof typeof actors)[]): Row => ({ ...none, ...Object.fromEntries(names.map((n) => [n, true])) });
const anyFull = only("full", "otherPatient", "support", "curator", "admin");

// Every cell of the table is asserted: adding a permission or an actor without deciding fails here.
const expected: Record<Permission, Row> = {
  "health:read-own": only("full"),
  "health:write-own": only("full"),
  "session:full": anyFull,
  "account:manage-own": anyFull,
  "account:enrol-first-factor": only("halfNewAccount", "full", "otherPatient", "support", "curator", "admin"),
  "support:contact": anyFull,
  "support:accounts": only("support"),
  "support:tickets": only("support"),
  "catalogue:curate": only("curator"),
  "admin:roles": only("admin"),
  "admin:dashboard": only("admin"),
  "admin:audit": only("admin"),
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
