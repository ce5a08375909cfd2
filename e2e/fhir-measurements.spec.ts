import { createHash, randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { createAccount, e2eDb, signInAs, type TestAccount } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";

/**
 * A connected app over the FHIR API, as the OAuth server would let it in: a listed demo app, its
 * client, the patient's connection and an access token (stored as its SHA-256, as hashOpaqueToken
 * does). The app posts a measurement; the patient finds it on Mesures with the app's name, and the
 * app's action in the access history. The CapabilityStatement is public; a call without a token is not.
 */

const APP_SLUG = "tensio-plus";

async function connectApp(patient: TestAccount, scopes: string[], categories: ("LAB_RESULTS" | "IMAGING")[] = []) {
  const db = e2eDb();
  const app = await db.catalogApp.findUniqueOrThrow({ where: { slug: APP_SLUG }, select: { id: true, name: true, status: true } });
  expect(app.status).toBe("LISTED");
  const client = await db.oAuthClient.create({
    data: { clientId: `e2e-${randomUUID()}`, appId: app.id, type: "PUBLIC", redirectUris: ["https://tensio-plus.example/callback"] },
    select: { id: true },
  });
  const connection = await db.appConnection.create({
    data: { patientId: patient.id, appId: app.id, scopes, categories },
    select: { id: true },
  });
  const token = `ens_at_${randomBytes(32).toString("base64url")}`;
  await db.oAuthToken.create({
    data: {
      tokenHash: createHash("sha256").update(token, "utf8").digest("hex"),
      kind: "ACCESS",
      clientId: client.id,
      connectionId: connection.id,
      scopes,
      familyId: randomUUID(),
      expiresAt: new Date(Date.now() + 15 * 60_000),
    },
    select: { id: true },
  });
  return { token, appName: app.name };
}

test("an app's measurement reaches Mesures and the access history", async ({ page, request }) => {
  const patient = await createAccount();
  const { token, appName } = await connectApp(patient, ["launch/patient", "patient/Observation.c", "patient/Observation.rs"]);

  const created = await request.post("/api/fhir/Observation", {
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/fhir+json" },
    data: {
      resourceType: "Observation",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "29463-7", display: "Body weight" }] },
      subject: { reference: `Patient/${patient.id}` },
      effectiveDateTime: "2026-02-10T07:45:00+01:00",
      valueQuantity: { value: 68.2, unit: "kg", system: "http://unitsofmeasure.org", code: "kg" },
    },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["content-type"]).toBe("application/fhir+json; charset=utf-8");
  const observation = (await created.json()) as { id: string; subject: { reference: string } };
  expect(observation.subject.reference).toBe(`Patient/${patient.id}`);
  expect(created.headers()["location"]).toMatch(new RegExp(`/api/fhir/Observation/${observation.id}$`));

  const search = await request.get("/api/fhir/Observation", { headers: { Authorization: `Bearer ${token}` } });
  expect(search.status()).toBe(200);
  expect(await search.json()).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 1 });

  await signInAs(page.context(), patient);
  await page.goto("/mesures");
  await expect(page.getByRole("heading", { level: 1, name: "Mesures" })).toBeVisible();
  const row = page.getByRole("row", { name: /Poids/ });
  await expect(row).toContainText("68,2 kg");
  await expect(row).toContainText(appName);
  await expect(row).toContainText("10 févr. 2026");
  await expect(row).toContainText("07:45");

  await page.goto("/historique");
  const entry = page.getByTestId("history-entry").filter({ hasText: "Mesure ajoutée" });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(appName);

  // "Services connectés" finds what the app did (its write and its read), by the app as the author.
  await page.getByLabel("Type d'action").selectOption({ label: "Services connectés" });
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/kind=apps/);
  await expect(page.getByTestId("history-entry")).toHaveCount(2);
  await expect(page.getByTestId("history-entry").filter({ hasText: "Mesures consultées" })).toContainText(appName);
  await expect(page.getByTestId("history-entry").filter({ hasText: "Mesure ajoutée" })).toHaveCount(1);
});

test("Mesures is empty until an app records something", async ({ page }) => {
  const patient = await createAccount();
  await signInAs(page.context(), patient);
  await page.goto("/mesures");
  await expect(page.getByText("Aucune mesure pour l'instant.")).toBeVisible();
});

test("the CapabilityStatement is public; data needs a token, and a token only reaches its own scopes", async ({ request }) => {
  const metadata = await request.get("/api/fhir/metadata");
  expect(metadata.status()).toBe(200);
  expect(metadata.headers()["access-control-allow-origin"]).toBe("*");
  expect(await metadata.json()).toMatchObject({ resourceType: "CapabilityStatement", fhirVersion: "4.0.1", format: ["json"] });

  const anonymous = await request.get("/api/fhir/Patient");
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["www-authenticate"]).toBe('Bearer error="invalid_token"');
  expect(await anonymous.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "security" }] });

  const patient = await createAccount();
  const { token } = await connectApp(patient, ["patient/Observation.c"]);
  const profile = await request.get(`/api/fhir/Patient/${patient.id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(profile.status()).toBe(403);
  expect(profile.headers()["www-authenticate"]).toBe('Bearer error="insufficient_scope"');
  const preflight = await request.fetch("/api/fhir/Observation", {
    method: "OPTIONS",
    headers: {
      Origin: "https://tensio-plus.example",
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "authorization, content-type",
    },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-headers"]).toContain("Authorization");
});

test("an app reads a shared document's bytes through Binary, sandboxed as a download; a hidden one is not found", async ({
  page,
  request,
}) => {
  const patient = await createAccount();
  await signInAs(page.context(), patient);
  const upload = async (title: string) => {
    const response = await page.context().request.post("/api/uploads", {
      data: Buffer.from("Glycémie à jeun : 0,92 g/L\n", "utf8"),
      headers: {
        "Content-Type": "application/octet-stream",
        Origin: E2E_APP_URL,
        "X-File-Name": encodeURIComponent("résultats.txt"),
        "X-Document-Title": encodeURIComponent(title),
        "X-Document-Category": "LAB_RESULTS",
        "X-Document-Date": "2026-01-20",
      },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const shared = await upload("Bilan sanguin");
  const hidden = await upload("Bilan masqué");
  await e2eDb().document.update({ where: { id: hidden }, data: { hiddenFromProfessionals: true }, select: { id: true } });
  const { token } = await connectApp(patient, ["patient/DocumentReference.rs"], ["LAB_RESULTS"]);
  const auth = { Authorization: `Bearer ${token}` };

  const list = await request.get("/api/fhir/DocumentReference?category=LAB_RESULTS", { headers: auth });
  expect(list.status()).toBe(200);
  const bundle = (await list.json()) as {
    total: number;
    entry: { resource: { id: string; content: { attachment: { url: string } }[] } }[];
  };
  expect(bundle.total).toBe(1);
  expect(bundle.entry[0]!.resource.id).toBe(shared);

  const file = await request.get(`/api/fhir/${bundle.entry[0]!.resource.content[0]!.attachment.url}`, { headers: auth });
  expect(file.status()).toBe(200);
  expect((await file.body()).toString("utf8")).toBe("Glycémie à jeun : 0,92 g/L\n");
  expect(file.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(file.headers()["content-disposition"]).toContain("attachment; filename=");
  expect(file.headers()["content-security-policy"]).toContain("sandbox");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(file.headers()["cache-control"]).toContain("no-store");

  for (const path of [`/api/fhir/Binary/${hidden}`, `/api/fhir/DocumentReference/${hidden}`]) {
    const refused = await request.get(path, { headers: auth });
    expect(refused.status()).toBe(404);
    expect(await refused.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "not-found" }] });
  }
});
