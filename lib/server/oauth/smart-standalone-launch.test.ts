import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/server/config";
import type { Actor } from "@/lib/server/policy/policy";
import { newCatalogApp } from "@/lib/testing/catalogue-fixtures";
import { testCtx } from "@/lib/testing/ctx";
import { fhirSchemaErrors } from "@/lib/testing/fhir-schema";
import { testDatabaseUrl, useTestDb } from "@/lib/testing/test-db";
import { decideAuthorization } from "./decide-authorization";
import { hashOpaqueToken } from "./opaque-token";
import { openAuthorizationRequest } from "./open-authorization-request";
import { s256 } from "./pkce";

// The route handlers open the app's own client (getDb) from the configuration: point it at the test database.
process.env.DATABASE_URL = testDatabaseUrl;

/**
 * The ONC/Inferno "SMART App Launch STU2" test kit (inferno-framework/smart-app-launch-test-kit), group
 * "Standalone Patient App", replayed against the real route handlers: discovery, the authorization
 * redirect, the token exchange and refresh, then the FHIR side (the ONC (g)(10) kit's patient-context
 * and unauthorized-access tests). Each test is named after the kit's test it mirrors, its id in
 * brackets, so that a failure here reads as the kit would report it. The kit's TLS tests are left to
 * the deployment (TLS ends at the proxy). Only the patient's own step (signing in, the consent screen)
 * goes through the services rather than the pages, as the kit leaves it to a person too.
 */
describe("SMART App Launch STU2 test kit: Standalone Patient App", () => {
  const db = useTestDb();
  const REDIRECT = "https://app.test.invalid/callback";
  const PATIENT_READ = "patient/Patient.r";
  const OBS = "patient/Observation.rs";
  /** What the kit asks for by default (v2 syntax, wildcards and OpenID included), plus the types this server serves. */
  const KIT_SCOPES = `launch/patient openid fhirUser offline_access patient/*.rs ${PATIENT_READ} ${OBS}`;
  const base = () => getConfig().appUrl;

  let routes: {
    wellKnown: typeof import("@/app/.well-known/smart-configuration/route");
    fhirWellKnown: typeof import("@/app/api/fhir/.well-known/smart-configuration/route");
    authorize: typeof import("@/app/api/oauth/authorize/route");
    token: typeof import("@/app/api/oauth/token/route");
    revoke: typeof import("@/app/api/oauth/revoke/route");
    patient: typeof import("@/app/api/fhir/Patient/[id]/route");
  };

  beforeAll(async () => {
    routes = {
      wellKnown: await import("@/app/.well-known/smart-configuration/route"),
      fhirWellKnown: await import("@/app/api/fhir/.well-known/smart-configuration/route"),
      authorize: await import("@/app/api/oauth/authorize/route"),
      token: await import("@/app/api/oauth/token/route"),
      revoke: await import("@/app/api/oauth/revoke/route"),
      patient: await import("@/app/api/fhir/Patient/[id]/route"),
    };
    // The first validation compiles the schema's shared definitions: seconds, once per file.
    expect(fhirSchemaErrors({ resourceType: "Patient" })).toEqual([]);
  }, 120_000);

  async function newPatient(): Promise<Actor> {
    const user = await db.user.create({
      data: {
        email: `smart-kit-${randomUUID()}@test.local`,
        firstName: "Camille",
        lastName: "Testeur",
        birthDate: new Date("1990-04-12"),
        roles: ["PATIENT"],
        status: "ACTIVE",
      },
      select: { id: true },
    });
    return { userId: user.id, roles: ["PATIENT"], stage: "FULL", hasConfirmedFactor: true };
  }

  /** A listed app that reads the patient and their measurements (and may record some), with a public or a confidential client. */
  async function newClient({ secret }: { secret?: string } = {}) {
    const app = await newCatalogApp(db, {
      requestedScopes: [PATIENT_READ, OBS, "patient/Observation.c"],
      scopePurposes: {
        [PATIENT_READ]: { fr: "Identité", en: "Identity", optional: false },
        [OBS]: { fr: "Mesures", en: "Measures", optional: true },
        "patient/Observation.c": { fr: "Enregistrer", en: "Record", optional: true },
      },
    });
    const clientId = `client-${randomUUID()}`;
    await db.oAuthClient.create({
      data: {
        clientId,
        appId: app.id,
        type: secret ? "CONFIDENTIAL" : "PUBLIC",
        secretHash: secret ? hashOpaqueToken(secret) : null,
        redirectUris: [REDIRECT],
      },
    });
    return clientId;
  }

  /** The kit's authorization request (AppRedirectTest): a fresh state, PKCE S256, aud = the FHIR base URL. */
  function authorizeUrl(clientId: string, overrides: Record<string, string | null> = {}) {
    const verifier = `${randomUUID()}-${randomUUID()}`;
    const values: Record<string, string | null> = {
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope: KIT_SCOPES,
      state: randomUUID(),
      aud: `${base()}/api/fhir`,
      code_challenge: s256(verifier),
      code_challenge_method: "S256",
      ...overrides,
    };
    const url = new URL(`${base()}/api/oauth/authorize`);
    for (const [name, value] of Object.entries(values)) if (value !== null) url.searchParams.set(name, value);
    return { url, verifier, state: values.state, scope: values.scope ?? "" };
  }

  /** GET the authorization endpoint: the 303 it answers, and where it leads. */
  async function authorize(url: URL): Promise<URL> {
    const response = await routes.authorize.GET(new Request(url));
    expect(response.status).toBe(303);
    expect(response.headers.get("cache-control")).toContain("no-store");
    return new URL(response.headers.get("location")!);
  }

  /**
   * The whole browser leg: the authorization endpoint hands over to the consent page, the patient
   * signs in and allows (keeping the optional measurements), and the browser lands on the app's
   * redirect URI.
   */
  async function launch(patient: Actor, clientId: string, overrides: Record<string, string | null> = {}) {
    const request = authorizeUrl(clientId, overrides);
    const consentPage = await authorize(request.url);
    const requestId = new RegExp(`^${base()}/autoriser/([0-9a-f-]{36})$`).exec(consentPage.href)?.[1];
    expect(requestId, `expected the consent page, got ${consentPage.href}`).toBeTruthy();
    const opened = await openAuthorizationRequest(testCtx(db, { actor: patient }), { requestId: requestId! });
    const location =
      opened.kind === "redirect"
        ? opened.location
        : opened.kind === "consent"
          ? (
              await decideAuthorization(testCtx(db, { actor: patient }), {
                requestId: requestId!,
                allow: true,
                form: { scopes: [OBS], categories: [] },
              })
            ).location
          : null;
    expect(location, `the request was ${opened.kind}`).toBeTruthy();
    return { ...request, redirect: new URL(location!) };
  }

  const formPost = (endpoint: "token" | "revoke", fields: Record<string, string>, authorization?: string) =>
    new Request(`${base()}/api/oauth/${endpoint}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        ...(authorization ? { Authorization: authorization } : {}),
      },
      body: new URLSearchParams(fields).toString(),
    });
  const tokenRequest = (fields: Record<string, string>, authorization?: string) =>
    routes.token.POST(formPost("token", fields, authorization));
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

  /** The kit's token exchange (TokenExchangeSTU2Test) for a public client: client_id in the body. */
  async function exchange(clientId: string, code: string, verifier: string) {
    return tokenRequest({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier, client_id: clientId });
  }

  type TokenBody = Record<string, unknown> & { access_token: string; refresh_token?: string; scope: string; patient?: string };
  async function tokensOf(response: Response): Promise<TokenBody> {
    expect(response.status).toBe(200);
    return (await response.json()) as TokenBody;
  }

  /** A launch through to the tokens, as the kit's group leaves them for its later tests. */
  async function launched() {
    const patient = await newPatient();
    const clientId = await newClient();
    const { redirect, verifier, scope } = await launch(patient, clientId);
    const tokens = await tokensOf(await exchange(clientId, redirect.searchParams.get("code")!, verifier));
    return { patient, clientId, tokens, requestedScopes: scope };
  }

  /** TokenPayloadValidation: the required fields present, strings and a number, a Bearer token. */
  function expectValidTokenPayload(body: Record<string, unknown>) {
    for (const field of ["access_token", "token_type", "expires_in", "scope"]) expect(body[field], field).toBeTruthy();
    for (const field of ["access_token", "token_type", "scope", "refresh_token"])
      if (body[field] !== undefined) expect(typeof body[field], field).toBe("string");
    expect(typeof body.expires_in).toBe("number");
    expect(String(body.token_type).toLowerCase()).toBe("bearer");
  }

  function expectNoStore(response: Response) {
    expect(response.headers.get("cache-control")?.toLowerCase()).toContain("no-store");
    expect(response.headers.get("pragma")?.toLowerCase()).toContain("no-cache");
  }

  const readPatient = (id: string, accessToken: string | null) =>
    routes.patient.GET(
      new Request(`${base()}/api/fhir/Patient/${id}`, {
        headers: { Accept: "application/fhir+json", ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}) },
      }),
      { params: Promise.resolve({ id }) },
    );

  describe("SMART on FHIR Discovery (smart_discovery_stu2)", () => {
    it("FHIR server makes SMART configuration available from well-known endpoint (well_known_endpoint)", async () => {
      for (const GET of [routes.wellKnown.GET, routes.fhirWellKnown.GET]) {
        const response = GET();
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        const config = (await response.json()) as Record<string, string>;
        // The kit makes relative URLs absolute against the FHIR base; these are absolute and name the real routes.
        expect(config.authorization_endpoint).toBe(`${base()}/api/oauth/authorize`);
        expect(config.token_endpoint).toBe(`${base()}/api/oauth/token`);
        expect(config.revocation_endpoint).toBe(`${base()}/api/oauth/revoke`);
      }
    });

    it("Well-known configuration contains required fields (well_known_capabilities_stu2)", async () => {
      const config = (await routes.wellKnown.GET().json()) as Record<string, unknown>;
      expect(typeof config.authorization_endpoint).toBe("string");
      expect(typeof config.token_endpoint).toBe("string");
      for (const field of ["capabilities", "grant_types_supported", "code_challenge_methods_supported"]) {
        expect(Array.isArray(config[field]), field).toBe(true);
        expect((config[field] as unknown[]).length, field).toBeGreaterThan(0);
      }
      const capabilities = config.capabilities as unknown[];
      expect(capabilities.every((capability) => typeof capability === "string")).toBe(true);
      expect(config.grant_types_supported).toContain("authorization_code");
      expect(config.code_challenge_methods_supported).toContain("S256");
      expect(config.code_challenge_methods_supported).not.toContain("plain");
      // What a standalone patient launch with v2 scopes and a refresh token relies on.
      expect(capabilities).toEqual(
        expect.arrayContaining([
          "launch-standalone",
          "client-public",
          "client-confidential-symmetric",
          "context-standalone-patient",
          "permission-patient",
          "permission-offline",
          "permission-v2",
        ]),
      );
      // No OpenID Connect here: no jwks_uri is promised. (`issuer` stays, although the kit warns about it
      // without sso-openid-connect: RFC 9207's `iss` on the redirect must equal the metadata's issuer.)
      expect(capabilities).not.toContain("sso-openid-connect");
      expect(config.issuer).toBe(base());
    });
  });

  describe("Standalone Launch (smart_standalone_launch_stu2)", () => {
    it("OAuth server redirects client browser to app redirect URI (smart_app_redirect_stu2)", async () => {
      const patient = await newPatient();
      const clientId = await newClient();
      const { redirect, state } = await launch(patient, clientId);
      expect(redirect.origin + redirect.pathname).toBe(REDIRECT);
      // The kit resumes on the request whose state it sent: the same value, untouched.
      expect(redirect.searchParams.get("state")).toBe(state);
      expect(redirect.searchParams.get("iss")).toBe(base());
    });

    it("OAuth server redirects client browser to app redirect URI (smart_app_redirect_stu2): the state parameter comes back on errors too", async () => {
      const clientId = await newClient();
      const state = `${randomUUID()} é&=?`;
      const denied = await authorize(authorizeUrl(clientId, { state, response_type: "token" }).url);
      expect(denied.origin + denied.pathname).toBe(REDIRECT);
      expect(denied.searchParams.get("error")).toBe("unsupported_response_type");
      expect(denied.searchParams.get("state")).toBe(state);
      // A refusal by the patient goes back with it as well.
      const patient = await newPatient();
      const request = authorizeUrl(clientId, { state });
      const requestId = (await authorize(request.url)).pathname.split("/").pop()!;
      await openAuthorizationRequest(testCtx(db, { actor: patient }), { requestId });
      const refused = new URL(
        (
          await decideAuthorization(testCtx(db, { actor: patient }), {
            requestId,
            allow: false,
            form: { scopes: [], categories: [] },
          })
        ).location,
      );
      expect(Object.fromEntries(refused.searchParams)).toMatchObject({ error: "access_denied", state });
    });

    it("OAuth server sends code parameter (smart_code_received)", async () => {
      const patient = await newPatient();
      const clientId = await newClient();
      const { redirect } = await launch(patient, clientId);
      expect(redirect.searchParams.get("code")).toBeTruthy();
      expect(redirect.searchParams.get("error")).toBeNull();
    });

    it("OAuth token exchange request succeeds when supplied correct information (smart_token_exchange_stu2)", async () => {
      const patient = await newPatient();
      // Public: client_id in the body.
      const publicClient = await newClient();
      const first = await launch(patient, publicClient);
      expect((await exchange(publicClient, first.redirect.searchParams.get("code")!, first.verifier)).status).toBe(200);
      // Confidential symmetric: HTTP Basic, as the kit sends it (no client_id in the body).
      const secret = `ens_cs_${randomBytes(16).toString("base64url")}`;
      const confidential = await newClient({ secret });
      const second = await launch(patient, confidential);
      const response = await tokenRequest(
        {
          grant_type: "authorization_code",
          code: second.redirect.searchParams.get("code")!,
          redirect_uri: REDIRECT,
          code_verifier: second.verifier,
        },
        basic(confidential, secret),
      );
      expect(response.status).toBe(200);
    });

    it("Token exchange response body contains required information encoded in JSON (smart_token_response_body)", async () => {
      const { patient, tokens, requestedScopes } = await launched();
      expectValidTokenPayload(tokens);
      // launch/patient was granted: the patient in context comes with the token; offline_access: a refresh token.
      expect(tokens.patient).toBe(patient.userId);
      expect(typeof tokens.refresh_token).toBe("string");
      // check_for_missing_scopes: what the server serves was all granted; the rest (openid, fhirUser, wildcards) is not.
      expect(tokens.scope.split(" ").sort()).toEqual(["launch/patient", "offline_access", OBS, PATIENT_READ].sort());
      expect(requestedScopes.split(" ")).toEqual(expect.arrayContaining(tokens.scope.split(" ")));
    });

    it("Response includes correct HTTP Cache-Control and Pragma headers (smart_token_response_headers)", async () => {
      const patient = await newPatient();
      const clientId = await newClient();
      const { redirect, verifier } = await launch(patient, clientId);
      const exchanged = await exchange(clientId, redirect.searchParams.get("code")!, verifier);
      expect(exchanged.status).toBe(200);
      expectNoStore(exchanged);
      const { refresh_token } = (await exchanged.json()) as TokenBody;
      // The kit checks the refresh response the same way (smart_token_refresh group), and an error must not be cached either.
      const refreshed = await tokenRequest({ grant_type: "refresh_token", refresh_token: refresh_token!, client_id: clientId });
      expect(refreshed.status).toBe(200);
      expectNoStore(refreshed);
      const refused = await tokenRequest({ grant_type: "refresh_token", refresh_token: "ens_rt_unknown", client_id: clientId });
      expect(refused.status).toBe(400);
      expectNoStore(refused);
    });
  });

  describe("SMART Token Refresh (smart_token_refresh)", () => {
    it("Server successfully refreshes the access token when optional scope parameter omitted (smart_token_refresh)", async () => {
      const { clientId, tokens } = await launched();
      const response = await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: clientId });
      expect(response.status).toBe(200);
      const refreshed = (await response.json()) as TokenBody;
      expect(refreshed.access_token).not.toBe(tokens.access_token);
    });

    it("Token refresh response contains all required fields (smart_token_refresh_body)", async () => {
      const { clientId, tokens } = await launched();
      const refreshed = await tokensOf(
        await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: clientId }),
      );
      expectValidTokenPayload(refreshed);
      // validate_scope_subset: nothing beyond the original grant.
      expect(tokens.scope.split(" ")).toEqual(expect.arrayContaining(refreshed.scope.split(" ")));
      expect(refreshed.scope.split(" ").sort()).toEqual(tokens.scope.split(" ").sort());
      // With a scope parameter (the kit's include_scopes option): narrowed, never widened.
      const narrowed = await tokensOf(
        await tokenRequest({
          grant_type: "refresh_token",
          refresh_token: refreshed.refresh_token!,
          client_id: clientId,
          scope: `launch/patient ${PATIENT_READ}`,
        }),
      );
      expect(narrowed.scope).toBe(`launch/patient ${PATIENT_READ}`);
      const widened = await tokenRequest({
        grant_type: "refresh_token",
        refresh_token: narrowed.refresh_token!,
        client_id: clientId,
        scope: `${tokens.scope} patient/DocumentReference.rs`,
      });
      expect(widened.status).toBe(400);
      expect(await widened.json()).toMatchObject({ error: "invalid_scope" });
    });

    it("Refresh token exchange fails when supplied an invalid refresh token (g10_invalid_token_refresh)", async () => {
      const { clientId, tokens } = await launched();
      const invalid = await tokenRequest({ grant_type: "refresh_token", refresh_token: "INVALID_REFRESH_TOKEN", client_id: clientId });
      expect(invalid.status).toBe(400);
      expect(await invalid.json()).toMatchObject({ error: "invalid_grant" });
      // An access token is not a refresh token.
      const swapped = await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.access_token, client_id: clientId });
      expect(await swapped.json()).toMatchObject({ error: "invalid_grant" });
    });
  });

  describe("Requests the kit's negative tests make", () => {
    it("PKCE: code_challenge_method S256 only, plain refused; OAuth token exchange fails when supplied invalid code_verifier", async () => {
      const clientId = await newClient();
      // The kit's `plain` option sends the verifier itself as the challenge.
      const verifier = `${randomUUID()}-${randomUUID()}`;
      for (const overrides of [
        { code_challenge: verifier, code_challenge_method: "plain" },
        { code_challenge: verifier, code_challenge_method: null },
        { code_challenge: null, code_challenge_method: null },
      ]) {
        const refused = await authorize(authorizeUrl(clientId, overrides).url);
        expect(refused.origin + refused.pathname, JSON.stringify(overrides)).toBe(REDIRECT);
        expect(refused.searchParams.get("error"), JSON.stringify(overrides)).toBe("invalid_request");
        expect(refused.searchParams.get("code")).toBeNull();
      }
      const patient = await newPatient();
      const { redirect } = await launch(patient, clientId);
      const wrong = await exchange(clientId, redirect.searchParams.get("code")!, `${randomUUID()}-${randomUUID()}`);
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });
    });

    it("Patient-level access with refresh token scopes used (g10_smart_scopes): granted scopes a subset of those requested", async () => {
      const patient = await newPatient();
      const clientId = await newClient();
      // Asking for less than the app may: nothing beyond the request is granted.
      const scope = `launch/patient ${PATIENT_READ} openid`;
      const { redirect, verifier } = await launch(patient, clientId, { scope });
      const tokens = await tokensOf(await exchange(clientId, redirect.searchParams.get("code")!, verifier));
      expect(tokens.scope.split(" ").every((granted) => scope.split(" ").includes(granted))).toBe(true);
      expect(tokens.scope).toBe(`launch/patient ${PATIENT_READ}`);
      // No offline_access asked: no refresh token.
      expect(tokens.refresh_token).toBeUndefined();
    });

    it("v2 scope syntax (patient/X.rs): granted scopes use SMART v2 permissions, v1 .read scopes are not granted", async () => {
      const patient = await newPatient();
      const clientId = await newClient();
      const { redirect, verifier } = await launch(patient, clientId, {
        scope: `launch/patient offline_access ${PATIENT_READ} ${OBS} patient/Observation.read`,
      });
      const tokens = await tokensOf(await exchange(clientId, redirect.searchParams.get("code")!, verifier));
      const dataScopes = tokens.scope.split(" ").filter((granted) => granted.startsWith("patient/"));
      expect(dataScopes.sort()).toEqual([OBS, PATIENT_READ].sort());
      // c, r, u, d, s in that order (SMART App Launch 2.0, "Scopes and launch context").
      for (const granted of dataScopes) expect(granted).toMatch(/^patient\/[A-Z][A-Za-z]+\.c?r?u?d?s?$/);
      // A request with only v1 data scopes grants no data at all.
      const v1 = await authorize(authorizeUrl(clientId, { scope: "patient/Patient.read patient/Observation.read" }).url);
      expect(v1.searchParams.get("error")).toBe("invalid_scope");
    });

    it("v2 scope syntax (patient/X.rs): the kit's default scopes (patient/*.rs, patient/Patient.rs) grant what they cover, no more", async () => {
      const patient = await newPatient();
      /** Whether a granted data scope's permissions are all in a requested scope for its type, or for `*`. */
      const covered = (granted: string, requested: string) => {
        const [type, permissions] = granted.slice("patient/".length).split(".");
        return requested
          .split(" ")
          .map((scope) => /^patient\/([A-Za-z]+|\*)\.([cruds]+)$/.exec(scope))
          .some((match) => !!match && (match[1] === type || match[1] === "*") && [...permissions].every((p) => match[2].includes(p)));
      };
      for (const scope of [
        // SMART App Launch kit (StandaloneLaunchGroupSTU2) default.
        "launch/patient openid fhirUser offline_access patient/*.rs",
        // ONC (g)(10) kit, SMART v2 default, cut to the types served here.
        "launch/patient openid fhirUser offline_access patient/Patient.rs patient/Observation.rs patient/Condition.rs",
      ]) {
        const clientId = await newClient();
        const { redirect, verifier } = await launch(patient, clientId, { scope });
        const tokens = await tokensOf(await exchange(clientId, redirect.searchParams.get("code")!, verifier));
        expect(tokens.scope.split(" ").sort(), scope).toEqual(["launch/patient", "offline_access", OBS, PATIENT_READ].sort());
        for (const granted of tokens.scope.split(" ").filter((s) => s.startsWith("patient/")))
          expect(covered(granted, scope), granted).toBe(true);
        // Read only: patient/*.rs never brings in a create the app may also ask for.
        expect(tokens.scope).not.toContain("patient/Observation.c");
        // What the kit does next with them: read the patient in context.
        expect((await readPatient(tokens.patient!, tokens.access_token)).status).toBe(200);
      }
    });

    it("OAuth token exchange fails when supplied invalid client ID", async () => {
      const patient = await newPatient();
      const clientId = await newClient();
      const { redirect, verifier } = await launch(patient, clientId);
      const code = redirect.searchParams.get("code")!;
      const fields = { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier };
      const unknown = await tokenRequest({ ...fields, client_id: "BAD_CLIENT_ID" });
      expect([400, 401]).toContain(unknown.status);
      expect(await unknown.json()).toMatchObject({ error: "invalid_client" });
      expectNoStore(unknown);
      // Through Basic, RFC 6749 §5.2 requires 401 and a challenge.
      const viaBasic = await tokenRequest(fields, basic("BAD_CLIENT_ID", "secret"));
      expect(viaBasic.status).toBe(401);
      expect(viaBasic.headers.get("www-authenticate")).toMatch(/^Basic /);
      // Another registered client cannot use the code either.
      const other = await newClient();
      const stolen = await tokenRequest({ ...fields, client_id: other });
      expect(stolen.status).toBe(400);
      expect(await stolen.json()).toMatchObject({ error: "invalid_grant" });
    });

    it("OAuth token exchange fails when supplied invalid code; a reused code fails and revokes what it gave", async () => {
      const patient = await newPatient();
      const clientId = await newClient();
      const { redirect, verifier } = await launch(patient, clientId);
      const bad = await exchange(clientId, "BAD_CODE", verifier);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: "invalid_grant" });

      const code = redirect.searchParams.get("code")!;
      const tokens = await tokensOf(await exchange(clientId, code, verifier));
      expect((await readPatient(patient.userId, tokens.access_token)).status).toBe(200);
      const reused = await exchange(clientId, code, verifier);
      expect(reused.status).toBe(400);
      expect(await reused.json()).toMatchObject({ error: "invalid_grant" });
      expect((await readPatient(patient.userId, tokens.access_token)).status).toBe(401);
    });
  });

  describe("Standalone Patient App: the FHIR server", () => {
    it("Patient from launch context can be retrieved (g10_patient_context), before and after a refresh", async () => {
      const { patient, clientId, tokens } = await launched();
      const response = await readPatient(tokens.patient!, tokens.access_token);
      expect(response.status).toBe(200);
      const resource = (await response.json()) as { resourceType: string; id: string };
      expect(fhirSchemaErrors(resource)).toEqual([]);
      expect(resource).toMatchObject({ resourceType: "Patient", id: patient.userId });

      const refreshed = await tokensOf(
        await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: clientId }),
      );
      expect(refreshed.patient).toBe(patient.userId);
      const again = await readPatient(refreshed.patient!, refreshed.access_token);
      expect(again.status).toBe(200);
      expect(fhirSchemaErrors(await again.json())).toEqual([]);
    });

    it("Server rejects unauthorized access (g10_unauthorized_access)", async () => {
      const { patient, clientId, tokens } = await launched();
      for (const accessToken of [null, "ens_at_forged"]) {
        const response = await readPatient(patient.userId, accessToken);
        expect(response.status).toBe(401);
        const outcome = (await response.json()) as { resourceType: string };
        expect(outcome.resourceType).toBe("OperationOutcome");
        expect(fhirSchemaErrors(outcome)).toEqual([]);
      }
      // A token the app gave up (RFC 7009) is refused the same way.
      const revoked = await routes.revoke.POST(formPost("revoke", { token: tokens.access_token, client_id: clientId }));
      expect(revoked.status).toBe(200);
      expectNoStore(revoked);
      const after = await readPatient(patient.userId, tokens.access_token);
      expect(after.status).toBe(401);
      expect(fhirSchemaErrors(await after.json())).toEqual([]);
    });
  });
});
