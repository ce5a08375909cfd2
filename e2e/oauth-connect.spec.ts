import { randomBytes, createHash, randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";

/**
 * Connecting apps, from both ends: the patient connects, narrows and disconnects an app from the
 * catalogue; and a test client playing the third-party app runs the whole OAuth flow (PKCE) against
 * the running server, then reads the FHIR API with what the patient granted, and nothing more.
 * Each test makes its own listed app, so curators' specs changing the demo catalogue cannot interfere.
 */

const REDIRECT = "https://client.e2e.invalid/callback";
const DOCS = "patient/DocumentReference.rs";
const OBS = "patient/Observation.rs";
const pngBytes = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function newApp() {
  const name = `Appli E2E ${randomUUID().slice(0, 6)}`;
  return e2eDb().catalogApp.create({
    data: {
      slug: `e2e-${randomUUID().slice(0, 12)}`,
      name,
      publisher: "Éditeur E2E",
      theme: "PREVENTION",
      summaryFr: "Une application de test.",
      summaryEn: "A test app.",
      websiteUrl: "https://client.e2e.invalid",
      status: "LISTED",
      requestedScopes: ["patient/Patient.r", DOCS, OBS],
      scopePurposes: {
        "patient/Patient.r": { fr: "Afficher votre nom dans l'application.", en: "Show your name in the app.", optional: false },
        [DOCS]: { fr: "Lire vos ordonnances pour vos rappels.", en: "Read your prescriptions for your reminders.", optional: false },
        [OBS]: { fr: "Tracer vos courbes de tension.", en: "Chart your blood pressure.", optional: true },
      },
      documentCategories: ["PRESCRIPTION", "LAB_RESULTS"],
    },
    select: { id: true, slug: true, name: true },
  });
}

function upload(request: APIRequestContext, title: string, category: string) {
  return request.post("/api/uploads", {
    data: pngBytes,
    headers: {
      "Content-Type": "application/octet-stream",
      Origin: E2E_APP_URL,
      "X-File-Name": encodeURIComponent(`${title}.png`),
      "X-Document-Title": encodeURIComponent(title),
      "X-Document-Category": category,
      "X-Document-Date": "2026-03-12",
    },
  });
}

/**
 * Opens the authorization endpoint as the app would send the browser there; resolves with the query
 * the browser carries to the app's redirect URI. That URI is on the reserved `.invalid` domain: the
 * browser's request to it is all the test needs (Playwright's routes never see a redirect's target).
 */
async function authorizeInBrowser(page: Page, clientId: string, scope: string, approve?: (page: Page) => Promise<void>) {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const state = randomUUID();
  const callback = page.waitForRequest((request) => request.url().startsWith(REDIRECT));
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
    aud: `${E2E_APP_URL}/api/fhir`,
  });
  if (approve) {
    await page.goto(`/api/oauth/authorize?${query}`);
    await approve(page);
  } else {
    // Straight through to the app: the navigation ends at its redirect URI, which never resolves.
    await page.goto(`/api/oauth/authorize?${query}`).catch((error: Error) => expect(error.message).toContain("ERR_NAME_NOT_RESOLVED"));
  }
  const params = new URL((await callback).url()).searchParams;
  expect(params.get("state")).toBe(state);
  // RFC 9207: the answer names the server that gave it, as discovery announces.
  expect(params.get("iss")).toBe(E2E_APP_URL);
  return { code: params.get("code")!, verifier };
}

test("the patient connects an app from the catalogue, narrows it, then disconnects it", async ({ page, context }) => {
  const patient = await createAccount();
  const app = await newApp();
  await signInAs(context, patient);

  await page.goto(`/services-connectes/connecter/${app.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Connecter ${app.name}`);
  await expect(page.getByText("Pourquoi : Lire vos ordonnances pour vos rappels.")).toBeVisible();
  await expect(page.getByText(/Rester connecté jusqu'à ce que vous le déconnectiez/)).toBeVisible();
  await expectAccessible(page);
  // Keeping the documents without choosing a category is refused, by the field.
  await page.getByRole("button", { name: "Autoriser" }).click();
  await expect(page.getByText("Choisissez au moins une catégorie de documents")).toBeVisible();
  await page.getByRole("checkbox", { name: "Ordonnance" }).check();
  await page.getByRole("checkbox", { name: "Biologie" }).check();
  await page.getByRole("button", { name: "Autoriser" }).click();

  await expect(page).toHaveURL(/\/services-connectes\?statut=connecte$/);
  await expect(page.getByRole("status").filter({ hasText: "Le service est connecté à votre espace." })).toBeVisible();
  const row = page.getByTestId("connected-app");
  await expect(row).toContainText(app.name);
  await expect(row).toContainText("Documents lisibles : Ordonnance, Biologie");
  await expect(row).toContainText("Lire vos mesures");
  await expect(row).toContainText("Pas encore utilisé");
  await expect(page.getByRole("link", { name: /Découvrir le catalogue/ })).toHaveAttribute("href", "/catalogue");
  await expectAccessible(page);

  await row.getByRole("link", { name: `Modifier (${app.name})` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Modifier l'accès de ${app.name}`);
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: /Lire vos mesures/ }).uncheck();
  await page.getByRole("checkbox", { name: "Biologie" }).uncheck();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page).toHaveURL(/\/services-connectes\?statut=modifie$/);
  await expect(row).toContainText("Documents lisibles : Ordonnance");
  await expect(row).not.toContainText("Biologie");
  await expect(row).not.toContainText("Lire vos mesures");

  await row.getByRole("button", { name: `Déconnecter (${app.name})` }).click();
  await page.getByRole("button", { name: /Confirmer la déconnexion/ }).click();
  await expect(page.getByTestId("vault-announcer")).toHaveText(`${app.name} est déconnecté.`);
  await expect(page.getByText("Aucun service n'est connecté à votre espace.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vos services connectés" })).toBeFocused();

  const history = await e2eDb().historyEntry.findMany({
    where: { patientId: patient.id },
    orderBy: { sequence: "asc" },
    select: { action: true },
  });
  expect(history.map((entry) => entry.action)).toEqual(["APP_CONNECTED", "APP_CONNECTION_CHANGED", "APP_DISCONNECTED"]);
});

test("a test client runs the whole OAuth flow with PKCE, reads only what the patient granted, and loses access on disconnection", async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(90_000);
  const discovery = (await (await request.get("/.well-known/smart-configuration")).json()) as Record<string, unknown>;
  expect(discovery).toMatchObject({
    issuer: E2E_APP_URL,
    token_endpoint: `${E2E_APP_URL}/api/oauth/token`,
    code_challenge_methods_supported: ["S256"],
    authorization_response_iss_parameter_supported: true,
  });
  // A browser app may read discovery and call the token endpoint from its own origin (no cookie is involved).
  const preflight = await request.fetch("/api/oauth/token", {
    method: "OPTIONS",
    headers: {
      Origin: "https://app.e2e.invalid",
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "content-type",
    },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()).toMatchObject({ "access-control-allow-origin": "*", "access-control-allow-methods": "POST, OPTIONS" });
  expect((await request.get("/.well-known/smart-configuration")).headers()["access-control-allow-origin"]).toBe("*");
  // A SMART app finds the same document from the FHIR base URL alone.
  expect(await (await request.get("/api/fhir/.well-known/smart-configuration")).json()).toEqual(discovery);

  const patient = await createAccount();
  await signInAs(context, patient);
  const ids: Record<string, string> = {};
  for (const [key, title, category] of [
    ["prescription", "Ordonnance du Dr Test", "PRESCRIPTION"],
    ["lab", "Bilan sanguin", "LAB_RESULTS"],
    ["hidden", "Ordonnance masquée", "PRESCRIPTION"],
  ] as const) {
    const response = await upload(context.request, title, category);
    expect(response.status()).toBe(201);
    ids[key] = ((await response.json()) as { id: string }).id;
  }
  await e2eDb().document.update({ where: { id: ids.hidden }, data: { hiddenFromProfessionals: true } });

  const app = await newApp();
  const clientId = `e2e-client-${randomUUID()}`;
  await e2eDb().oAuthClient.create({ data: { clientId, appId: app.id, type: "PUBLIC", redirectUris: [REDIRECT] } });
  // A redirect URI that is not registered: no redirect, our own error page.
  await page.goto(
    `/api/oauth/authorize?${new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: "https://evil.e2e.invalid/cb", state: "x" })}`,
  );
  await expect(page).toHaveURL(`${E2E_APP_URL}/autoriser/erreur?raison=redirect_uri`);
  await expect(page.getByTestId("authorize-error-reason")).toHaveText(
    "L'adresse de retour demandée n'est pas celle enregistrée pour ce service.",
  );
  await expectAccessible(page);

  const { code, verifier } = await authorizeInBrowser(
    page,
    clientId,
    `launch/patient offline_access patient/Patient.r ${DOCS} ${OBS}`,
    async (page) => {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Autoriser ${app.name} à accéder à votre espace ?`);
      await expect(page.getByRole("link", { name: `Voir la fiche de ${app.name} dans le catalogue` })).toHaveAttribute(
        "href",
        `/catalogue/${app.slug}`,
      );
      await expectAccessible(page);
      await page.getByRole("checkbox", { name: "Ordonnance" }).check();
      await page.getByRole("checkbox", { name: /Lire vos mesures/ }).uncheck();
      await page.getByRole("button", { name: "Autoriser" }).click();
    },
  );

  const exchange = await request.post("/api/oauth/token", {
    form: { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier, client_id: clientId },
  });
  expect(exchange.status()).toBe(200);
  expect(exchange.headers()["cache-control"]).toContain("no-store");
  expect(exchange.headers()["access-control-allow-origin"]).toBe("*");
  const tokens = (await exchange.json()) as {
    access_token: string;
    refresh_token: string;
    scope: string;
    patient: string;
    token_type: string;
  };
  expect(tokens).toMatchObject({
    token_type: "Bearer",
    patient: patient.id,
    scope: `launch/patient offline_access patient/Patient.r ${DOCS}`,
  });

  const fhir = (path: string, token: string) =>
    request.get(`/api/fhir/${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: "application/fhir+json" } });
  const search = await fhir("DocumentReference", tokens.access_token);
  expect(search.status()).toBe(200);
  const bundle = (await search.json()) as { resourceType: string; entry?: { resource: { id: string } }[] };
  expect(bundle.resourceType).toBe("Bundle");
  expect((bundle.entry ?? []).map((entry) => entry.resource.id)).toEqual([ids.prescription]);
  expect((await fhir(`DocumentReference/${ids.hidden}`, tokens.access_token)).status()).toBe(404);
  expect((await fhir(`DocumentReference/${ids.lab}`, tokens.access_token)).status()).toBe(404);
  const observations = await fhir("Observation", tokens.access_token);
  expect(observations.status()).toBe(403);
  expect(((await observations.json()) as { resourceType: string }).resourceType).toBe("OperationOutcome");

  // Rotation: the new pair works; the old refresh token is refused, and that replay ends the new pair too.
  const refreshed = await request.post("/api/oauth/token", {
    form: { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId },
  });
  expect(refreshed.status()).toBe(200);
  const second = (await refreshed.json()) as { access_token: string; refresh_token: string };
  expect((await fhir("DocumentReference", second.access_token)).status()).toBe(200);
  const replay = await request.post("/api/oauth/token", {
    form: { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId },
  });
  expect(replay.status()).toBe(400);
  expect(await replay.json()).toMatchObject({ error: "invalid_grant" });
  expect((await fhir("DocumentReference", second.access_token)).status()).toBe(401);

  // Asking again for what the patient already granted needs no consent: straight back with a code.
  const again = await authorizeInBrowser(page, clientId, `launch/patient offline_access ${DOCS}`);
  const third = (await (
    await request.post("/api/oauth/token", {
      form: {
        grant_type: "authorization_code",
        code: again.code,
        redirect_uri: REDIRECT,
        code_verifier: again.verifier,
        client_id: clientId,
      },
    })
  ).json()) as { access_token: string };
  expect((await fhir("DocumentReference", third.access_token)).status()).toBe(200);

  await page.goto("/services-connectes");
  const row = page.getByTestId("connected-app");
  await expect(row).toContainText(app.name);
  await expect(row).toContainText("Dernier accès le");
  await row.getByRole("button", { name: `Déconnecter (${app.name})` }).click();
  await page.getByRole("button", { name: /Confirmer la déconnexion/ }).click();
  await expect(page.getByText("Aucun service n'est connecté à votre espace.")).toBeVisible();
  const refused = await fhir("DocumentReference", third.access_token);
  expect(refused.status()).toBe(401);
  expect(await refused.text()).not.toContain("Ordonnance");
});
