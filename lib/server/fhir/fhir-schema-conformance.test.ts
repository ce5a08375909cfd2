import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { newConnectedApp } from "@/lib/testing/catalogue-fixtures";
import { fhirSchemaErrors } from "@/lib/testing/fhir-schema";
import { testDatabaseUrl, useTestDb } from "@/lib/testing/test-db";

// The route handlers open the app's own client (getDb) from the configuration: point it at the test database.
process.env.DATABASE_URL = testDatabaseUrl;

/**
 * Every resource the FHIR API returns, and the bodies it accepts, against the official FHIR R4 JSON
 * schema, through the route handlers as an app calls them: reads, searches, a create, the
 * CapabilityStatement and the OperationOutcomes of refusals.
 */
describe("the FHIR API's resources are valid FHIR R4", () => {
  const db = useTestDb();
  const noParams = { params: Promise.resolve({}) };
  const withId = (id: string) => ({ params: Promise.resolve({ id }) });
  const request = (path: string, token: string | null, init: RequestInit = {}) =>
    new Request(`http://localhost:3000/api/fhir/${path}`, {
      ...init,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) },
    });
  const bodyOf = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    const body: unknown = await response.json();
    expect(fhirSchemaErrors(body)).toEqual([]);
    return body as { resourceType: string; id?: string; entry?: { resource: { resourceType: string } }[] };
  };
  const weight = {
    resourceType: "Observation",
    status: "final",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
    code: { coding: [{ system: "http://loinc.org", code: "29463-7", display: "Body weight" }] },
    effectiveDateTime: "2026-01-15T08:30:00+01:00",
    valueQuantity: { value: 71.4, unit: "kg", system: "http://unitsofmeasure.org", code: "kg" },
  };
  let patientId: string;
  let token: string;
  let documentId: string;

  beforeAll(async () => {
    // The first validation compiles the schema's shared definitions: seconds, once per file.
    expect(fhirSchemaErrors(weight)).toEqual([]);
    const patient = await db.user.create({
      data: {
        email: `fhir-schema-${randomUUID()}@test.local`,
        firstName: "Léa",
        lastName: "Roux",
        status: "ACTIVE",
        birthDate: new Date("1988-02-03"),
        identityQualification: {
          create: { nir: "188027512345607", method: "IN_PERSON", documentType: "PASSPORT", qualifiedByLabel: "Dr Test" },
        },
      },
      select: { id: true },
    });
    patientId = patient.id;
    const document = await db.document.create({
      data: {
        ownerId: patientId,
        title: "Bilan sanguin",
        category: "LAB_RESULTS",
        documentDate: new Date("2025-11-02"),
        authorKind: "ESTABLISHMENT",
        authorLabel: "Laboratoire Cerballiance",
        fileName: "bilan.pdf",
        mimeType: "application/pdf",
        sizeBytes: 1234,
        sha256: "a".repeat(64),
      },
      select: { id: true },
    });
    documentId = document.id;
    ({ token } = await newConnectedApp(db, {
      patientId,
      scopes: ["launch/patient", "patient/Patient.r", "patient/DocumentReference.rs", "patient/Observation.rs", "patient/Observation.c"],
      categories: ["LAB_RESULTS"],
      app: { name: "Tensio+", theme: "CHRONIC_CONDITIONS" },
    }));
  }, 120_000);

  it("knows a broken resource when it sees one (the check itself can fail)", () => {
    expect(fhirSchemaErrors({ ...weight, status: "done" })).not.toEqual([]);
    expect(fhirSchemaErrors({ ...weight, effectiveDateTime: "15/01/2026" })).not.toEqual([]);
    expect(fhirSchemaErrors({ ...weight, unknownElement: true })).not.toEqual([]);
    expect(fhirSchemaErrors({ resourceType: "Patient", birthDate: "1988-02-03" })).toEqual([]);
  });

  it("the CapabilityStatement", async () => {
    const { GET } = await import("@/app/api/fhir/metadata/route");
    expect((await bodyOf(await GET(new Request("http://localhost:3000/api/fhir/metadata")), 200)).resourceType).toBe("CapabilityStatement");
  });

  it("Patient: read and search", async () => {
    const read = await import("@/app/api/fhir/Patient/[id]/route");
    const search = await import("@/app/api/fhir/Patient/route");
    expect((await bodyOf(await read.GET(request(`Patient/${patientId}`, token), withId(patientId)), 200)).id).toBe(patientId);
    const bundle = await bodyOf(await search.GET(request("Patient", token), noParams), 200);
    expect(bundle.entry?.map((entry) => entry.resource.resourceType)).toEqual(["Patient"]);
  });

  it("DocumentReference: read and search", async () => {
    const read = await import("@/app/api/fhir/DocumentReference/[id]/route");
    const search = await import("@/app/api/fhir/DocumentReference/route");
    expect((await bodyOf(await read.GET(request(`DocumentReference/${documentId}`, token), withId(documentId)), 200)).id).toBe(documentId);
    const bundle = await bodyOf(await search.GET(request("DocumentReference?_count=25", token), noParams), 200);
    expect(bundle.entry?.map((entry) => entry.resource.resourceType)).toEqual(["DocumentReference"]);
  });

  it("Observation: the body an app posts, the created resource, read and search", async () => {
    const create = await import("@/app/api/fhir/Observation/route");
    const read = await import("@/app/api/fhir/Observation/[id]/route");
    const created = await bodyOf(
      await create.POST(
        request("Observation", token, {
          method: "POST",
          headers: { "Content-Type": "application/fhir+json" },
          body: JSON.stringify({ ...weight, subject: { reference: `Patient/${patientId}` } }),
        }),
        noParams,
      ),
      201,
    );
    expect((await bodyOf(await read.GET(request(`Observation/${created.id}`, token), withId(created.id!)), 200)).id).toBe(created.id);
    const bundle = await bodyOf(await create.GET(request("Observation?code=29463-7", token), noParams), 200);
    expect(bundle.entry?.map((entry) => entry.resource.resourceType)).toEqual(["Observation"]);
  });

  it("the OperationOutcomes of refusals: no token, a bad body, an unknown id", async () => {
    const create = await import("@/app/api/fhir/Observation/route");
    const read = await import("@/app/api/fhir/DocumentReference/[id]/route");
    await bodyOf(await create.GET(request("Observation", null), noParams), 401);
    const invalid = request("Observation", token, {
      method: "POST",
      headers: { "Content-Type": "application/fhir+json" },
      body: JSON.stringify({ ...weight, status: "draft" }),
    });
    await bodyOf(await create.POST(invalid, noParams), 400);
    const missing = randomUUID();
    await bodyOf(await read.GET(request(`DocumentReference/${missing}`, token), withId(missing)), 404);
  });
});
