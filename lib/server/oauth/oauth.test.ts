import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DocumentCategory } from "@/lib/generated/prisma/client";
import { changeConnection } from "@/lib/server/apps/change-connection";
import { connectApp } from "@/lib/server/apps/connect-app";
import { disconnectApp } from "@/lib/server/apps/disconnect-app";
import { getConfig } from "@/lib/server/config";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";
import { newCatalogApp } from "@/lib/testing/catalogue-fixtures";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { authenticateClient } from "./authenticate-client";
import { decideAuthorization } from "./decide-authorization";
import { exchangeAuthorizationCode } from "./exchange-authorization-code";
import { handleRevocationRequest, handleTokenRequest } from "./handle-token-request";
import type { TokenResponse } from "./issue-tokens";
import { OAuthError } from "./oauth-error";
import { readClientRequest } from "./oauth-response";
import { hashOpaqueToken } from "./opaque-token";
import { openAuthorizationRequest } from "./open-authorization-request";
import { s256 } from "./pkce";
import { startAuthorization } from "./start-authorization";
import { verifyAccessToken } from "./verify-access-token";

const REDIRECT = "https://app.test.invalid/callback";
const DOCS = "patient/DocumentReference.rs";
const OBS = "patient/Observation.rs";

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("the OAuth authorization server", () => {
  const db = useTestDb();

  async function newPatient(): Promise<Actor> {
    const user = await db.user.create({
      data: { email: `oauth-${randomUUID()}@test.local`, firstName: "Camille", lastName: "Testeur", roles: ["PATIENT"], status: "ACTIVE" },
      select: { id: true },
    });
    return { userId: user.id, roles: ["PATIENT"], stage: "FULL", hasConfirmedFactor: true };
  }

  /** A listed app asking for documents (two categories) and, optionally, measurements; a client for it. */
  async function newClient({ type = "PUBLIC", secret }: { type?: "PUBLIC" | "CONFIDENTIAL"; secret?: string } = {}) {
    const app = await newCatalogApp(db, {
      requestedScopes: ["patient/Patient.r", DOCS, OBS],
      scopePurposes: { [DOCS]: { fr: "Lire", en: "Read", optional: false }, [OBS]: { fr: "Mesures", en: "Measures", optional: true } },
      documentCategories: ["PRESCRIPTION", "LAB_RESULTS"],
    });
    const clientId = `client-${randomUUID()}`;
    await db.oAuthClient.create({
      data: { clientId, appId: app.id, type, secretHash: secret ? hashOpaqueToken(secret) : null, redirectUris: [REDIRECT] },
    });
    return { app, clientId };
  }

  function authorizeParams(clientId: string, overrides: Record<string, string | null> = {}) {
    const verifier = randomBytes(32).toString("base64url");
    const values: Record<string, string | null> = {
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope: `launch/patient offline_access ${DOCS} ${OBS} unknown/Scope.r`,
      state: "etat-123",
      code_challenge: s256(verifier),
      code_challenge_method: "S256",
      ...overrides,
    };
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) if (value !== null) params.set(name, value);
    return { params, verifier };
  }

  /** Runs the patient's side: request, open, allow (or the auto-answer). Returns the code and the verifier. */
  async function authorizeCode(
    patient: Actor,
    clientId: string,
    { overrides = {}, scopes = [OBS], categories = ["PRESCRIPTION"] as DocumentCategory[] } = {},
  ) {
    const { params, verifier } = authorizeParams(clientId, overrides);
    const started = await startAuthorization(testCtx(db), params);
    if (started.kind !== "consent") throw new Error(`unexpected ${started.kind}`);
    const opened = await openAuthorizationRequest(testCtx(db, { actor: patient }), { requestId: started.requestId });
    const location =
      opened.kind === "redirect"
        ? opened.location
        : (
            await decideAuthorization(testCtx(db, { actor: patient }), {
              requestId: started.requestId,
              allow: true,
              form: { scopes, categories },
            })
          ).location;
    const url = new URL(location);
    expect(url.searchParams.get("state")).toBe("etat-123");
    expect(url.searchParams.get("iss")).toBe(getConfig().appUrl);
    return { code: url.searchParams.get("code")!, verifier, consentAsked: opened.kind === "consent" };
  }

  const token = (clientId: string, fields: Record<string, string>, authorization: string | null = null) =>
    handleTokenRequest(testCtx(db, { ip: null }), {
      form: new URLSearchParams(authorization ? fields : { client_id: clientId, ...fields }),
      authorization,
    });
  const exchange = (clientId: string, code: string, verifier: string) =>
    token(clientId, { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier });
  const refresh = (clientId: string, refreshToken: string) => token(clientId, { grant_type: "refresh_token", refresh_token: refreshToken });
  const bearer = (tokens: TokenResponse, now?: Date) =>
    verifyAccessToken(testCtx(db, now ? { now: () => now } : {}), { authorization: `Bearer ${tokens.access_token}` });

  it("runs the whole flow: only the approved scopes and categories, the patient id, a refresh token with offline_access, the history", async () => {
    const patient = await newPatient();
    const { clientId, app } = await newClient();
    const { code, verifier } = await authorizeCode(patient, clientId, { scopes: [], categories: ["LAB_RESULTS"] });
    const tokens = await exchange(clientId, code, verifier);
    expect(tokens).toMatchObject({
      token_type: "Bearer",
      expires_in: 600,
      patient: patient.userId,
      scope: `launch/patient offline_access ${DOCS}`,
    });
    expect(tokens.refresh_token).toMatch(/^ens_rt_/);
    const access = await bearer(tokens);
    expect(access).toMatchObject({
      patientId: patient.userId,
      scopes: ["launch/patient", "offline_access", DOCS],
      categories: ["LAB_RESULTS"],
      app: { id: app.id },
    });
    const history = await db.historyEntry.findMany({
      where: { patientId: patient.userId },
      select: { action: true, actorId: true, details: true },
    });
    expect(history).toEqual([
      {
        action: "APP_CONNECTED",
        actorId: patient.userId,
        details: expect.objectContaining({ appId: app.id, categories: ["LAB_RESULTS"] }),
      },
    ]);
  });

  it("refuses a code with the wrong PKCE verifier, and the code is burnt", async () => {
    const patient = await newPatient();
    const { clientId } = await newClient();
    const { code, verifier } = await authorizeCode(patient, clientId);
    expect(await caught(exchange(clientId, code, randomBytes(32).toString("base64url")))).toMatchObject({ error: "invalid_grant" });
    expect(await caught(exchange(clientId, code, verifier))).toMatchObject({ error: "invalid_grant" });
  });

  it("refuses a reused code and revokes every token it gave", async () => {
    const patient = await newPatient();
    const { clientId } = await newClient();
    const { code, verifier } = await authorizeCode(patient, clientId);
    const tokens = await exchange(clientId, code, verifier);
    await bearer(tokens);
    expect(await caught(exchange(clientId, code, verifier))).toMatchObject({ error: "invalid_grant" });
    expect(await caught(bearer(tokens))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await caught(refresh(clientId, tokens.refresh_token!))).toMatchObject({ error: "invalid_grant" });
  });

  it("a replayed code also revokes the tokens its refresh token was rotated into (RFC 6819 §4.4.1.1)", async () => {
    const patient = await newPatient();
    const { clientId } = await newClient();
    const { code, verifier } = await authorizeCode(patient, clientId);
    const first = await exchange(clientId, code, verifier);
    const refreshed = await refresh(clientId, first.refresh_token!);
    await bearer(refreshed);
    // An unrelated family of the same client and patient must not be caught by the replay.
    const other = await authorizeCode(patient, clientId);
    const untouched = await exchange(clientId, other.code, other.verifier);

    expect(await caught(exchange(clientId, code, verifier))).toMatchObject({ error: "invalid_grant" });
    expect(await caught(bearer(refreshed))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await caught(refresh(clientId, refreshed.refresh_token!))).toMatchObject({ error: "invalid_grant" });
    await expect(bearer(untouched)).resolves.toMatchObject({ patientId: patient.userId });
  });

  it("refuses an expired code", async () => {
    const patient = await newPatient();
    const { clientId } = await newClient();
    const { code, verifier } = await authorizeCode(patient, clientId);
    const client = await authenticateClient(db, { authorization: null, clientId });
    const later = new Date(Date.now() + 61_000);
    expect(
      await caught(exchangeAuthorizationCode(db, { client, code, redirectUri: REDIRECT, codeVerifier: verifier, now: later })),
    ).toMatchObject({ error: "invalid_grant" });
  });

  it("refuses expired and revoked access tokens; revoking a refresh token ends its family", async () => {
    const patient = await newPatient();
    const { clientId } = await newClient();
    const first = await authorizeCode(patient, clientId);
    const tokens = await exchange(clientId, first.code, first.verifier);
    expect(await caught(bearer(tokens, new Date(Date.now() + 11 * 60_000)))).toMatchObject({ code: "UNAUTHENTICATED" });
    await handleRevocationRequest(testCtx(db, { ip: null }), {
      form: new URLSearchParams({ client_id: clientId, token: tokens.access_token }),
      authorization: null,
    });
    expect(await caught(bearer(tokens))).toMatchObject({ code: "UNAUTHENTICATED" });
    // An unknown token is fine too (RFC 7009 §2.2).
    await handleRevocationRequest(testCtx(db, { ip: null }), {
      form: new URLSearchParams({ client_id: clientId, token: "ens_at_unknown" }),
      authorization: null,
    });

    const second = await authorizeCode(patient, clientId);
    const more = await exchange(clientId, second.code, second.verifier);
    await handleRevocationRequest(testCtx(db, { ip: null }), {
      form: new URLSearchParams({ client_id: clientId, token: more.refresh_token!, token_type_hint: "refresh_token" }),
      authorization: null,
    });
    expect(await caught(bearer(more))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await caught(refresh(clientId, more.refresh_token!))).toMatchObject({ error: "invalid_grant" });
  });

  it("rotates refresh tokens: the old one is refused, and its replay revokes the new pair too", async () => {
    const patient = await newPatient();
    const { clientId } = await newClient();
    const { code, verifier } = await authorizeCode(patient, clientId);
    const first = await exchange(clientId, code, verifier);
    const second = await refresh(clientId, first.refresh_token!);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    await bearer(second);
    expect(await caught(refresh(clientId, first.refresh_token!))).toMatchObject({ error: "invalid_grant" });
    expect(await caught(bearer(second))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await caught(refresh(clientId, second.refresh_token!))).toMatchObject({ error: "invalid_grant" });
  });

  it("a refresh may narrow the scope, never widen it", async () => {
    const patient = await newPatient();
    const { clientId } = await newClient();
    const { code, verifier } = await authorizeCode(patient, clientId, { scopes: [] });
    const first = await exchange(clientId, code, verifier);
    expect(await caught(token(clientId, { grant_type: "refresh_token", refresh_token: first.refresh_token!, scope: OBS }))).toMatchObject({
      error: "invalid_scope",
    });
    const narrowed = await token(clientId, { grant_type: "refresh_token", refresh_token: first.refresh_token!, scope: "launch/patient" });
    expect(narrowed.scope).toBe("launch/patient");
    // The new refresh token keeps the whole grant.
    expect((await refresh(clientId, narrowed.refresh_token!)).scope).toBe(`launch/patient offline_access ${DOCS}`);
  });

  it("never redirects to an unregistered redirect URI or for an unknown client; other errors go back with the state", async () => {
    const { clientId } = await newClient();
    expect(
      await startAuthorization(testCtx(db), authorizeParams(clientId, { redirect_uri: "https://evil.invalid/callback" }).params),
    ).toEqual({
      kind: "errorPage",
      reason: "redirect_uri",
    });
    expect(await startAuthorization(testCtx(db), authorizeParams(clientId, { redirect_uri: `${REDIRECT}/` }).params)).toEqual({
      kind: "errorPage",
      reason: "redirect_uri",
    });
    expect(await startAuthorization(testCtx(db), authorizeParams("no-such-client").params)).toEqual({
      kind: "errorPage",
      reason: "client",
    });

    const errorOf = async (overrides: Record<string, string | null>) => {
      const outcome = await startAuthorization(testCtx(db), authorizeParams(clientId, overrides).params);
      if (outcome.kind !== "redirect") throw new Error(`unexpected ${outcome.kind}`);
      const url = new URL(outcome.location);
      expect(url.origin + url.pathname).toBe(REDIRECT);
      expect(url.searchParams.get("state")).toBe("etat-123");
      expect(url.searchParams.get("iss")).toBe(getConfig().appUrl);
      return url.searchParams.get("error");
    };
    expect(await errorOf({ code_challenge: null })).toBe("invalid_request");
    expect(await errorOf({ code_challenge_method: "plain" })).toBe("invalid_request");
    expect(await errorOf({ code_challenge: "too-short" })).toBe("invalid_request");
    expect(await errorOf({ response_type: "token" })).toBe("unsupported_response_type");
    expect(await errorOf({ scope: "unknown/Scope.r patient/Observation.c" })).toBe("invalid_scope");
    expect(await errorOf({ aud: "https://elsewhere.invalid/fhir" })).toBe("invalid_request");
  });

  it("a NUL in a client id, a Basic credential or a request parameter is an OAuth error, never a database error", async () => {
    const { clientId } = await newClient();
    expect(await startAuthorization(testCtx(db), authorizeParams(`${clientId}\u0000`).params)).toEqual({
      kind: "errorPage",
      reason: "client",
    });
    const outcome = await startAuthorization(testCtx(db), authorizeParams(clientId, { state: "etat\u0000" }).params);
    expect(outcome.kind === "redirect" && new URL(outcome.location).searchParams.get("error")).toBe("invalid_request");
    const basic = `Basic ${Buffer.from(`${clientId}%00:secret`).toString("base64")}`;
    await expect(
      handleTokenRequest(testCtx(db, { ip: null }), {
        form: new URLSearchParams({ grant_type: "refresh_token", refresh_token: "x" }),
        authorization: basic,
      }),
    ).rejects.toBeInstanceOf(OAuthError);
    const form = (body: string) =>
      new Request("http://localhost/api/oauth/token", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
    await expect(readClientRequest(form(`grant_type=refresh_token&client_id=${encodeURIComponent(clientId)}%00`))).rejects.toBeInstanceOf(
      OAuthError,
    );
    expect((await readClientRequest(form(`client_id=${encodeURIComponent(clientId)}`))).form.get("client_id")).toBe(clientId);
  });

  it("authenticates confidential clients by their secret, basic or post, and refuses a wrong one with 401", async () => {
    const secret = `ens_cs_${randomBytes(16).toString("base64url")}`;
    const { clientId } = await newClient({ type: "CONFIDENTIAL", secret });
    const patient = await newPatient();
    const basic = (id: string, password: string) =>
      `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(password)}`).toString("base64")}`;

    const wrong = await caught(authenticateClient(db, { authorization: basic(clientId, "wrong"), clientId: null }));
    expect(wrong).toBeInstanceOf(OAuthError);
    expect(wrong).toMatchObject({ error: "invalid_client", status: 401 });
    expect(await caught(authenticateClient(db, { authorization: null, clientId, clientSecret: "wrong" }))).toMatchObject({
      error: "invalid_client",
    });
    expect(await caught(authenticateClient(db, { authorization: null, clientId }))).toMatchObject({ error: "invalid_client" });

    const { code, verifier } = await authorizeCode(patient, clientId);
    const fields = { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier };
    expect(await caught(token(clientId, fields, basic(clientId, "wrong")))).toMatchObject({ error: "invalid_client" });
    const tokens = await token(clientId, fields, basic(clientId, secret));
    expect(await caught(token(clientId, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! }))).toMatchObject({
      error: "invalid_client",
    });
    expect(
      (await token(clientId, { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_secret: secret })).access_token,
    ).toBeTruthy();
  });

  it("asks again only when a request asks for more than the connection has", async () => {
    const patient = await newPatient();
    const { clientId } = await newClient();
    const narrow = `launch/patient ${DOCS}`;
    expect((await authorizeCode(patient, clientId, { overrides: { scope: narrow } })).consentAsked).toBe(true);
    expect((await authorizeCode(patient, clientId, { overrides: { scope: narrow } })).consentAsked).toBe(false);
    expect((await authorizeCode(patient, clientId, { overrides: { scope: DOCS } })).consentAsked).toBe(false);
    const wider = await authorizeCode(patient, clientId, { overrides: { scope: `${narrow} ${OBS}` } });
    expect(wider.consentAsked).toBe(true);
    const connection = await db.appConnection.findFirstOrThrow({ where: { patientId: patient.userId }, select: { scopes: true } });
    expect(connection.scopes).toEqual(["launch/patient", DOCS, OBS]);
    const actions = await db.historyEntry.findMany({
      where: { patientId: patient.userId },
      orderBy: { sequence: "asc" },
      select: { action: true },
    });
    expect(actions.map((entry) => entry.action)).toEqual(["APP_CONNECTED", "APP_CONNECTION_CHANGED"]);
  });

  it("binds a request to the first patient who opens it and issues one code for a double submit", async () => {
    const patient = await newPatient();
    const other = await newPatient();
    const { clientId } = await newClient();
    const started = await startAuthorization(testCtx(db), authorizeParams(clientId).params);
    if (started.kind !== "consent") throw new Error("expected consent");
    expect((await openAuthorizationRequest(testCtx(db, { actor: patient }), { requestId: started.requestId })).kind).toBe("consent");
    const stranger = await caught(openAuthorizationRequest(testCtx(db, { actor: other }), { requestId: started.requestId }));
    expect(stranger).toBeInstanceOf(AppError);
    expect(stranger).toMatchObject({ code: "NOT_FOUND" });
    const answer = () =>
      decideAuthorization(testCtx(db, { actor: patient }), {
        requestId: started.requestId,
        allow: true,
        form: { scopes: [], categories: ["PRESCRIPTION"] },
      });
    expect(
      await caught(
        decideAuthorization(testCtx(db, { actor: other }), {
          requestId: started.requestId,
          allow: true,
          form: { scopes: [], categories: ["PRESCRIPTION"] },
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    // Keeping the document scope without a category is refused, and leaves the request open.
    expect(
      await caught(
        decideAuthorization(testCtx(db, { actor: patient }), {
          requestId: started.requestId,
          allow: true,
          form: { scopes: [], categories: [] },
        }),
      ),
    ).toMatchObject({ field: "categories" });
    const results = await Promise.allSettled([answer(), answer()]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.oAuthAuthorizationCode.count({ where: { client: { clientId } } })).toBe(1);
  });

  it("a refusal sends access_denied back and connects nothing", async () => {
    const patient = await newPatient();
    const { clientId } = await newClient();
    const started = await startAuthorization(testCtx(db), authorizeParams(clientId).params);
    if (started.kind !== "consent") throw new Error("expected consent");
    await openAuthorizationRequest(testCtx(db, { actor: patient }), { requestId: started.requestId });
    const { location } = await decideAuthorization(testCtx(db, { actor: patient }), {
      requestId: started.requestId,
      allow: false,
      form: { scopes: [], categories: [] },
    });
    expect(Object.fromEntries(new URL(location).searchParams)).toMatchObject({ error: "access_denied", state: "etat-123" });
    expect(await db.appConnection.count({ where: { patientId: patient.userId } })).toBe(0);
  });

  it("narrowing a connection narrows its tokens at once; disconnecting refuses them", async () => {
    const patient = await newPatient();
    const { clientId, app } = await newClient();
    await connectApp(testCtx(db, { actor: patient }), {
      slug: app.slug,
      form: { scopes: [OBS], categories: ["PRESCRIPTION", "LAB_RESULTS"] },
    });
    const { code, verifier, consentAsked } = await authorizeCode(patient, clientId);
    expect(consentAsked).toBe(false);
    const tokens = await exchange(clientId, code, verifier);
    const connection = await db.appConnection.findFirstOrThrow({ where: { patientId: patient.userId }, select: { id: true } });

    await changeConnection(testCtx(db, { actor: patient }), {
      connectionId: connection.id,
      form: { scopes: [DOCS], categories: ["LAB_RESULTS"] },
    });
    const narrowed = await bearer(tokens);
    expect(narrowed.scopes).not.toContain(OBS);
    expect(narrowed.categories).toEqual(["LAB_RESULTS"]);

    const stranger = await newPatient();
    expect(await caught(disconnectApp(testCtx(db, { actor: stranger }), { connectionId: connection.id }))).toMatchObject({
      code: "NOT_FOUND",
    });
    await disconnectApp(testCtx(db, { actor: patient }), { connectionId: connection.id });
    expect(await caught(bearer(tokens))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await caught(refresh(clientId, tokens.refresh_token!))).toMatchObject({ error: "invalid_grant" });
    const actions = await db.historyEntry.findMany({
      where: { patientId: patient.userId },
      orderBy: { sequence: "asc" },
      select: { action: true },
    });
    expect(actions.map((entry) => entry.action)).toEqual(["APP_CONNECTED", "APP_CONNECTION_CHANGED", "APP_DISCONNECTED"]);
  });
});
