import { describe, expect, it } from "vitest";
import { decideAppAccess, decideAppScope, type AppFacts } from "./decide-app-access";
import type { DocumentFacts, HealthAction, HealthResource } from "./decide-health-access";

const PATIENT = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";
const ALL_SCOPES = [
  "launch/patient",
  "offline_access",
  "patient/Patient.r",
  "patient/DocumentReference.rs",
  "patient/Observation.rs",
  "patient/Observation.c",
];

const doc = (over: Partial<DocumentFacts> = {}): DocumentFacts => ({
  id: "d1",
  category: "LAB_RESULTS",
  hiddenFromProfessionals: false,
  deletedAt: null,
  ...over,
});
const app = (over: Partial<AppFacts> = {}): AppFacts => ({ patientId: PATIENT, scopes: ALL_SCOPES, categories: ["LAB_RESULTS"], ...over });
const without = (scope: string) => ALL_SCOPES.filter((s) => s !== scope);

type Row = [name: string, facts: AppFacts, patientId: string, resource: HealthResource, action: HealthAction, expected: "APP" | string];

const rows: Row[] = [
  // Patient profile: needs patient/Patient.r.
  ["profile read with Patient.r", app(), PATIENT, { kind: "profile" }, "read", "APP"],
  [
    "profile read without Patient.r",
    app({ scopes: without("patient/Patient.r") }),
    PATIENT,
    { kind: "profile" },
    "read",
    "INSUFFICIENT_SCOPE",
  ],
  ["profile of another patient", app(), OTHER, { kind: "profile" }, "read", "OTHER_PATIENT"],
  // Documents: DocumentReference.rs, a shared category, never hidden, never binned.
  ["document list with DocumentReference.rs", app(), PATIENT, { kind: "documentList" }, "read", "APP"],
  [
    "document list without the scope",
    app({ scopes: without("patient/DocumentReference.rs") }),
    PATIENT,
    { kind: "documentList" },
    "read",
    "INSUFFICIENT_SCOPE",
  ],
  ["document list of another patient", app(), OTHER, { kind: "documentList" }, "read", "OTHER_PATIENT"],
  ["document of a shared category", app(), PATIENT, { kind: "document", document: doc() }, "read", "APP"],
  ["download of a shared category", app(), PATIENT, { kind: "download", document: doc() }, "read", "APP"],
  ["document of another category", app(), PATIENT, { kind: "document", document: doc({ category: "IMAGING" }) }, "read", "CATEGORY"],
  ["download of another category", app(), PATIENT, { kind: "download", document: doc({ category: "IMAGING" }) }, "read", "CATEGORY"],
  ["document when no category is shared", app({ categories: [] }), PATIENT, { kind: "document", document: doc() }, "read", "CATEGORY"],
  ["hidden document", app(), PATIENT, { kind: "document", document: doc({ hiddenFromProfessionals: true }) }, "read", "HIDDEN"],
  ["hidden download", app(), PATIENT, { kind: "download", document: doc({ hiddenFromProfessionals: true }) }, "read", "HIDDEN"],
  ["binned document", app(), PATIENT, { kind: "document", document: doc({ deletedAt: new Date() }) }, "read", "BINNED"],
  ["binned download", app(), PATIENT, { kind: "download", document: doc({ deletedAt: new Date() }) }, "read", "BINNED"],
  [
    "document without the scope",
    app({ scopes: without("patient/DocumentReference.rs") }),
    PATIENT,
    { kind: "document", document: doc() },
    "read",
    "INSUFFICIENT_SCOPE",
  ],
  ["another patient's document", app(), OTHER, { kind: "document", document: doc() }, "read", "OTHER_PATIENT"],
  ["adding a document", app(), PATIENT, { kind: "documentList" }, "add", "NOT_ALLOWED"],
  ["managing a document", app(), PATIENT, { kind: "document", document: doc() }, "manage", "NOT_ALLOWED"],
  // Measurements: create needs Observation.c, read needs Observation.rs.
  ["measurement add with Observation.c", app(), PATIENT, { kind: "measurements" }, "add", "APP"],
  [
    "measurement add with only Observation.rs",
    app({ scopes: without("patient/Observation.c") }),
    PATIENT,
    { kind: "measurements" },
    "add",
    "INSUFFICIENT_SCOPE",
  ],
  ["measurement read with Observation.rs", app(), PATIENT, { kind: "measurements" }, "read", "APP"],
  [
    "measurement read with only Observation.c",
    app({ scopes: without("patient/Observation.rs") }),
    PATIENT,
    { kind: "measurements" },
    "read",
    "INSUFFICIENT_SCOPE",
  ],
  ["measurements of another patient", app(), OTHER, { kind: "measurements" }, "add", "OTHER_PATIENT"],
  ["managing measurements", app(), PATIENT, { kind: "measurements" }, "manage", "NOT_ALLOWED"],
  // Never an app's, whatever the scopes.
  ["history read", app(), PATIENT, { kind: "history" }, "read", "NOT_ALLOWED"],
  ["consent read", app(), PATIENT, { kind: "consent" }, "read", "NOT_ALLOWED"],
  ["consent manage", app(), PATIENT, { kind: "consent" }, "manage", "NOT_ALLOWED"],
  ["profile add", app(), PATIENT, { kind: "profile" }, "add", "NOT_ALLOWED"],
  // Technical scopes grant nothing.
  [
    "only launch/patient and offline_access",
    app({ scopes: ["launch/patient", "offline_access"] }),
    PATIENT,
    { kind: "profile" },
    "read",
    "INSUFFICIENT_SCOPE",
  ],
  ["a made-up wider scope", app({ scopes: ["patient/*.*"] }), PATIENT, { kind: "documentList" }, "read", "INSUFFICIENT_SCOPE"],
];

describe("decideAppAccess", () => {
  it.each(rows)("%s", (_name, facts, patientId, resource, action, expected) => {
    const decision = decideAppAccess(facts, patientId, resource, action);
    expect(decision.allowed ? decision.basis : decision.reason).toBe(expected);
  });

  it("refuses for lack of scope before anything about the id, so another patient's ids cannot be probed", () => {
    const noDocuments = app({ scopes: without("patient/DocumentReference.rs") });
    expect(decideAppAccess(noDocuments, OTHER, { kind: "document", document: doc() }, "read")).toEqual({
      allowed: false,
      reason: "INSUFFICIENT_SCOPE",
    });
    expect(decideAppScope(noDocuments, "download", "read")).toEqual({ allowed: false, reason: "INSUFFICIENT_SCOPE" });
    expect(decideAppScope(app(), "download", "read")).toEqual({ allowed: true, basis: "APP" });
  });
});
