import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import type { Bundle, DocumentReference, Observation, OperationOutcome, Patient } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentCategory } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { verifyHistoryChain } from "@/lib/server/history/verify-history-chain";
import { verifyAccessToken } from "@/lib/server/oauth/verify-access-token";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import { receiveUpload } from "@/lib/server/vault/upload/receive-upload";
import { newConnectedApp } from "@/lib/testing/catalogue-fixtures";
import { testCtx } from "@/lib/testing/ctx";
import { testDatabaseUrl, useTestDb } from "@/lib/testing/test-db";
import { createObservation } from "./create-observation";
import { openAppBinary } from "./open-app-binary";
import { readDocumentReference } from "./read-document-reference";
import { readFhirPatient, searchFhirPatients } from "./read-fhir-patient";
import { searchDocumentReferences } from "./search-document-references";
import { searchObservations } from "./search-observations";

// The route handlers open the app's own client (getDb) from the configuration: point it at the test database.
process.env.DATABASE_URL = testDatabaseUrl;
// Low enough for the route test below to reach it, above what the other route tests spend per connection.
process.env.FHIR_CALLS_PER_MINUTE_PER_CONNECTION = "12";

const ALL_SCOPES = [
  "launch/patient",
  "patient/Patient.r",
  "patient/DocumentReference.rs",
  "patient/Observation.rs",
  "patient/Observation.c",
];
const masterKey = randomBytes(32);
const weight = (over: Record<string, unknown> = {}) => ({
  resourceType: "Observation",
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "29463-7", display: "Body weight" }] },
  effectiveDateTime: "2026-01-15T08:30:00+01:00",
  valueQuantity: { value: 71.4, unit: "kg", system: "http://unitsofmeasure.org", code: "kg" },
  ...over,
});
const params = (query = "") => new URLSearchParams(query);

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("the FHIR API for connected apps", () => {
  const db = useTestDb();
  let storage: BlobStorage;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "fhir-test-"));
    storage = createLocalStorage({ root });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  async function newPatient(declaredNir: string | null = null) {
    return db.user.create({
      data: {
        email: `fhir-${randomUUID()}@test.local`,
        firstName: "Léa",
        lastName: "Roux",
        status: "ACTIVE",
        birthDate: new Date("1988-02-03"),
        declaredNir,
      },
      select: { id: true },
    });
  }

  /** A listed app, its client, the patient's connection and an access token, as the OAuth server would issue them. */
  async function connect(
    patientId: string,
    { scopes = ALL_SCOPES, categories = ["LAB_RESULTS"] as DocumentCategory[], expiresAt = new Date(Date.now() + 3_600_000) } = {},
  ) {
    const { app, token, tokenId, connectionId } = await newConnectedApp(db, {
      patientId,
      scopes,
      categories,
      expiresAt,
      app: { name: `Tensio ${randomUUID().slice(0, 4)}`, theme: "CHRONIC_CONDITIONS" },
    });
    const access = await verifyAccessToken(testCtx(db), { authorization: `Bearer ${token}` });
    return { app, token, tokenId, connectionId, access, context: { ctx: testCtx(db, { ip: "198.51.100.7", storage }), access } };
  }

  async function addDocument(
    ownerId: string,
    title: string,
    over: { category?: DocumentCategory; hiddenFromProfessionals?: boolean; deletedAt?: Date } = {},
  ) {
    return db.document.create({
      data: {
        ownerId,
        title,
        category: over.category ?? "LAB_RESULTS",
        documentDate: new Date("2025-11-02"),
        authorKind: "ESTABLISHMENT",
        authorLabel: "Laboratoire Cerballiance",
        ...over,
      },
      select: { id: true },
    });
  }

  async function lastEntry(patientId: string) {
    return db.historyEntry.findFirst({
      where: { patientId },
      // Reads are appended unchained (no sequence yet): the newest entry is the latest written.
      orderBy: [{ createdAt: "desc" }, { sequence: { sort: "desc", nulls: "first" } }],
      select: { action: true, actorId: true, actorAppId: true, actorLabel: true, documentId: true, details: true },
    });
  }

  it("lists only the documents of the shared categories, never hidden, binned or another patient's, page by page", async () => {
    const patient = await newPatient();
    const other = await newPatient();
    const first = await addDocument(patient.id, "Bilan sanguin janvier");
    const second = await addDocument(patient.id, "Bilan sanguin mars");
    await addDocument(patient.id, "Bilan masqué", { hiddenFromProfessionals: true });
    await addDocument(patient.id, "Bilan à la corbeille", { deletedAt: new Date() });
    await addDocument(patient.id, "Radio du genou", { category: "IMAGING" });
    await addDocument(other.id, "Bilan d'un autre patient");
    const { context, app } = await connect(patient.id);

    const all = await searchDocumentReferences(context.ctx, { access: context.access, params: params() });
    expect(all.total).toBe(2);
    expect(all.entry?.map((entry) => entry.resource?.id).sort()).toEqual([first.id, second.id].sort());
    const reference = all.entry![0]!.resource!;
    expect(reference).toMatchObject({
      resourceType: "DocumentReference",
      status: "current",
      subject: { reference: `Patient/${patient.id}` },
      author: [{ display: "Laboratoire Cerballiance" }],
    });

    // Keyset paging: one per page, following `next`, sees both once; no total when it would take a count.
    const firstPage = await searchDocumentReferences(context.ctx, { access: context.access, params: params("_count=1") });
    const next = firstPage.link?.find((link) => link.relation === "next")?.url;
    expect(firstPage.entry).toHaveLength(1);
    expect(firstPage).not.toHaveProperty("total");
    expect(next).toBeTruthy();
    const secondPage = await searchDocumentReferences(context.ctx, { access: context.access, params: new URL(next!).searchParams });
    expect(secondPage.entry).toHaveLength(1);
    expect(secondPage.link?.some((link) => link.relation === "next")).toBe(false);
    expect(new Set([firstPage.entry![0]!.resource!.id, secondPage.entry![0]!.resource!.id])).toEqual(new Set([first.id, second.id]));

    // Asking for a category the patient did not share gives nothing.
    expect((await searchDocumentReferences(context.ctx, { access: context.access, params: params("category=IMAGING") })).total).toBe(0);

    expect(await lastEntry(patient.id)).toMatchObject({
      action: "DOCUMENT_LIST_VIEWED",
      actorId: null,
      actorAppId: expect.any(String),
      actorLabel: app.name,
      details: { basis: "APP" },
    });
  });

  it("answers NOT_FOUND for a document of another category, hidden, binned or another patient's", async () => {
    const patient = await newPatient();
    const other = await newPatient();
    const shared = await addDocument(patient.id, "Bilan lipidique");
    const { context } = await connect(patient.id);
    for (const id of [
      (await addDocument(patient.id, "Radio", { category: "IMAGING" })).id,
      (await addDocument(patient.id, "Bilan masqué", { hiddenFromProfessionals: true })).id,
      (await addDocument(patient.id, "Bilan jeté", { deletedAt: new Date() })).id,
      (await addDocument(other.id, "Bilan d'un autre")).id,
      randomUUID(),
      "not-a-uuid",
    ]) {
      expect(await refusal(readDocumentReference(context.ctx, { access: context.access, documentId: id }))).toBe("NOT_FOUND");
    }
    const reference: DocumentReference = await readDocumentReference(context.ctx, { access: context.access, documentId: shared.id });
    expect(reference.description).toBe("Bilan lipidique");
    expect(await lastEntry(patient.id)).toMatchObject({ action: "DOCUMENT_VIEWED", documentId: shared.id, actorId: null });
  });

  it("serves a shared document's bytes as Binary, recorded as a download by the app", async () => {
    const patient = await newPatient();
    const bytes = Buffer.from("Résultats : glycémie normale.\n", "utf8");
    const upload = await receiveUpload(
      testCtx(db, { actor: { userId: patient.id, roles: ["PATIENT"], stage: "FULL", hasConfirmedFactor: true }, ip: null, storage }),
      {
        body: new ReadableStream({ start: (controller) => (controller.enqueue(new Uint8Array(bytes)), controller.close()) }),
        declaredLength: bytes.length,
        fileName: "resultats.txt",
        metadata: { title: "Glycémie", category: "LAB_RESULTS", documentDate: "2025-12-01", note: null },
      },
      { maxFileBytes: 5_000_000, quotaBytes: 50_000_000, masterKey },
    );
    const { context } = await connect(patient.id);
    const reference = await readDocumentReference(context.ctx, { access: context.access, documentId: upload.documentId });
    expect(reference.content[0]!.attachment).toMatchObject({
      contentType: "text/plain",
      size: bytes.length,
      title: "resultats.txt",
      url: `Binary/${upload.documentId}`,
    });

    const file = await openAppBinary(context.ctx, { access: context.access, documentId: upload.documentId, masterKey });
    expect(await buffer(file.stream)).toEqual(bytes);
    expect(await lastEntry(patient.id)).toMatchObject({ action: "DOCUMENT_DOWNLOADED", documentId: upload.documentId, actorId: null });

    // Another app of the same patient, shown imaging only, is refused the file.
    const imagingOnly = await connect(patient.id, { categories: ["IMAGING"] });
    expect(
      await refusal(
        openAppBinary(imagingOnly.context.ctx, { access: imagingOnly.context.access, documentId: upload.documentId, masterKey }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("gives the token's patient only with Patient.r, and no other patient", async () => {
    const patient = await newPatient("188027512345607");
    const other = await newPatient();
    const { context } = await connect(patient.id);
    const resource: Patient = await readFhirPatient(context.ctx, { access: context.access, patientId: patient.id });
    expect(resource).toMatchObject({
      resourceType: "Patient",
      id: patient.id,
      name: [{ family: "Roux", given: ["Léa"] }],
      birthDate: "1988-02-03",
    });
    // A declared NIR is a claim: FR Core carries the INS for a qualified identity only.
    expect(resource.identifier).toBeUndefined();
    await db.identityQualification.create({
      data: { userId: patient.id, nir: "188027512345607", method: "IN_PERSON", documentType: "PASSPORT", qualifiedByLabel: "Dr Test" },
    });
    const qualified: Patient = await readFhirPatient(context.ctx, { access: context.access, patientId: patient.id });
    expect(qualified.identifier).toEqual([
      {
        use: "official",
        type: { coding: [{ system: "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", code: "INS-NIR" }] },
        system: "urn:oid:1.2.250.1.213.1.4.8",
        value: "188027512345607",
      },
    ]);
    expect(qualified.extension?.[0]).toMatchObject({
      url: "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability",
      extension: [
        { url: "identityStatus", valueCoding: { code: "QUAL" } },
        { url: "validationDate" },
        { url: "validationMode", valueCoding: { code: "PA" } },
      ],
    });
    expect(await lastEntry(patient.id)).toMatchObject({ action: "PROFILE_VIEWED", actorId: null });
    expect(await refusal(readFhirPatient(context.ctx, { access: context.access, patientId: other.id }))).toBe("NOT_FOUND");
    const bundle: Bundle<Patient> = await searchFhirPatients(context.ctx, { access: context.access, params: params() });
    expect(bundle.entry?.map((entry) => entry.resource?.id)).toEqual([patient.id]);

    const noProfile = await connect(other.id, { scopes: ["patient/DocumentReference.rs"] });
    expect(await refusal(readFhirPatient(noProfile.context.ctx, { access: noProfile.context.access, patientId: other.id }))).toBe(
      "FORBIDDEN",
    );
    expect(await refusal(searchFhirPatients(noProfile.context.ctx, { access: noProfile.context.access, params: params() }))).toBe(
      "FORBIDDEN",
    );
  });

  it("stores an Observation with the scope, in the history as the app, the chain intact", async () => {
    const patient = await newPatient();
    const { context, app } = await connect(patient.id);
    const created: Observation = await createObservation(context.ctx, {
      access: context.access,
      body: weight({ subject: { reference: `Patient/${patient.id}` }, extra: "dropped" }),
    });
    expect(created).toMatchObject({
      resourceType: "Observation",
      id: expect.any(String),
      subject: { reference: `Patient/${patient.id}` },
      valueQuantity: { value: 71.4, code: "kg" },
    });
    expect(created).not.toHaveProperty("extra");

    const row = await db.measurement.findUniqueOrThrow({
      where: { id: created.id! },
      select: { patientId: true, code: true, value: true, unit: true, sourceAppId: true, sourceLabel: true, effectiveAt: true },
    });
    expect(row).toMatchObject({
      patientId: patient.id,
      code: "29463-7",
      value: 71.4,
      unit: "kg",
      sourceLabel: app.name,
      effectiveAt: new Date("2026-01-15T07:30:00Z"),
    });
    const entry = await lastEntry(patient.id);
    expect(entry).toMatchObject({
      action: "MEASUREMENT_ADDED",
      actorId: null,
      actorAppId: row.sourceAppId,
      actorLabel: app.name,
      details: { basis: "APP", connectionId: context.access.connectionId },
    });
    expect(await verifyHistoryChain(db, patient.id)).toMatchObject({ intact: true });

    const found = await searchObservations(context.ctx, { access: context.access, params: params() });
    expect(found.entry?.map((e) => e.resource?.id)).toEqual([created.id]);
    // Reading measurements is named as such in the patient's history, not as a profile view.
    expect(await lastEntry(patient.id)).toMatchObject({
      action: "MEASUREMENTS_VIEWED",
      actorAppId: row.sourceAppId,
      details: { resource: "Observation" },
    });

    const readOnly = await connect((await newPatient()).id, { scopes: ["patient/Observation.rs"] });
    expect(await refusal(createObservation(readOnly.context.ctx, { access: readOnly.context.access, body: weight() }))).toBe("FORBIDDEN");
  });

  it("refuses an invalid Observation as BAD_REQUEST, storing nothing", async () => {
    const patient = await newPatient();
    const { context } = await connect(patient.id);
    const other = await newPatient();
    const invalid = [
      weight({ resourceType: "Patient" }),
      weight({ status: "cancelled" }),
      weight({ code: { coding: [{ system: "http://loinc.org", code: "1234-5" }] } }),
      weight({ valueQuantity: { value: 157, unit: "[lb_av]", system: "http://unitsofmeasure.org", code: "[lb_av]" } }),
      weight({ valueQuantity: { value: 7140, unit: "kg", code: "kg" } }),
      weight({ effectiveDateTime: new Date(Date.now() + 86_400_000).toISOString() }),
      weight({ effectiveDateTime: "2026-01-15" }),
      weight({ subject: { reference: `Patient/${other.id}` } }),
    ];
    for (const body of invalid)
      expect(await refusal(createObservation(context.ctx, { access: context.access, body: body }))).toBe("BAD_REQUEST");
    expect(await db.measurement.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("refuses an expired or revoked token, a revoked connection and a suspended app", async () => {
    const patient = await newPatient();
    const expired = await connect(patient.id).then(
      async (c) => (await db.oAuthToken.update({ where: { id: c.tokenId }, data: { expiresAt: new Date(Date.now() - 1000) } }), c),
    );
    await expect(verifyAccessToken(testCtx(db), { authorization: `Bearer ${expired.token}` })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });

    const revoked = await connect((await newPatient()).id);
    await db.oAuthToken.update({ where: { id: revoked.tokenId }, data: { revokedAt: new Date() } });
    await expect(verifyAccessToken(testCtx(db), { authorization: `Bearer ${revoked.token}` })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });

    const disconnected = await connect((await newPatient()).id);
    await db.appConnection.update({ where: { id: disconnected.connectionId }, data: { revokedAt: new Date() } });
    await expect(verifyAccessToken(testCtx(db), { authorization: `Bearer ${disconnected.token}` })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });

    const suspended = await connect((await newPatient()).id);
    await db.catalogApp.update({ where: { id: suspended.access.app.id }, data: { status: "SUSPENDED" } });
    await expect(verifyAccessToken(testCtx(db), { authorization: `Bearer ${suspended.token}` })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  describe("over HTTP, through the route handlers", () => {
    const post = (token: string | null, body: string, contentType = "application/fhir+json") =>
      new Request("http://localhost:3000/api/fhir/Observation", {
        method: "POST",
        headers: { "Content-Type": contentType, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body,
      });
    const noParams = { params: Promise.resolve({}) };

    it("creates with 201 and Location, and answers errors as OperationOutcome with their status and challenge", async () => {
      const { POST } = await import("@/app/api/fhir/Observation/route");
      const patient = await newPatient();
      const { token } = await connect(patient.id);

      const created = await POST(post(token, JSON.stringify(weight())), noParams);
      expect(created.status).toBe(201);
      expect(created.headers.get("content-type")).toBe("application/fhir+json; charset=utf-8");
      expect(created.headers.get("cache-control")).toBe("no-store");
      expect(created.headers.get("access-control-allow-origin")).toBe("*");
      const observation = (await created.json()) as Observation;
      expect(created.headers.get("location")).toMatch(new RegExp(`/api/fhir/Observation/${observation.id}$`));

      const expectOutcome = async (response: Response, status: number, code: string) => {
        expect(response.status).toBe(status);
        const outcome = (await response.json()) as OperationOutcome;
        expect(outcome).toMatchObject({ resourceType: "OperationOutcome", issue: [{ severity: "error", code }] });
        return response;
      };
      const unauthenticated = await expectOutcome(await POST(post(null, JSON.stringify(weight())), noParams), 401, "security");
      expect(unauthenticated.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
      await expectOutcome(await POST(post("ens_at_forged", JSON.stringify(weight())), noParams), 401, "security");
      await expectOutcome(await POST(post(token, JSON.stringify(weight({ status: "draft" }))), noParams), 400, "invalid");
      await expectOutcome(await POST(post(token, "{not json"), noParams), 400, "invalid");
      await expectOutcome(await POST(post(token, JSON.stringify(weight()), "text/plain"), noParams), 415, "not-supported");
      await expectOutcome(await POST(post(token, JSON.stringify(weight({ padding: "x".repeat(20_000) }))), noParams), 413, "too-long");

      const readOnly = await connect((await newPatient()).id, { scopes: ["patient/Observation.rs"] });
      const forbidden = await expectOutcome(await POST(post(readOnly.token, JSON.stringify(weight())), noParams), 403, "forbidden");
      expect(forbidden.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope"');
      expect(await db.measurement.count({ where: { patientId: patient.id } })).toBe(1);
    });

    it("counts every call against the configured limit and answers the one over it with 429 and Retry-After", async () => {
      const { GET } = await import("@/app/api/fhir/Patient/route");
      const patient = await newPatient();
      const { token } = await connect(patient.id);
      const read = () =>
        GET(new Request("http://localhost:3000/api/fhir/Patient", { headers: { Authorization: `Bearer ${token}` } }), noParams);
      for (let call = 1; call <= 12; call++) expect((await read()).status).toBe(200);
      const refused = await read();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "throttled" }] });
      // Another patient's connection has its own allowance.
      const other = await connect((await newPatient()).id);
      expect(
        (
          await GET(
            new Request("http://localhost:3000/api/fhir/Patient", { headers: { Authorization: `Bearer ${other.token}` } }),
            noParams,
          )
        ).status,
      ).toBe(200);
    });

    it("publishes the CapabilityStatement without a token", async () => {
      const { GET } = await import("@/app/api/fhir/metadata/route");
      const response = await GET(new Request("http://localhost:3000/api/fhir/metadata"));
      expect(response.status).toBe(200);
      const statement = await response.json();
      expect(statement).toMatchObject({
        resourceType: "CapabilityStatement",
        fhirVersion: "4.0.1",
        format: ["json"],
        rest: [{ mode: "server" }],
      });
      const oauth = statement.rest[0].security.extension[0].extension.map((e: { url: string; valueUri: string }) => [
        e.url,
        new URL(e.valueUri).pathname,
      ]);
      expect(oauth).toEqual([
        ["authorize", "/api/oauth/authorize"],
        ["token", "/api/oauth/token"],
        ["revoke", "/api/oauth/revoke"],
      ]);
    });
  });
});
