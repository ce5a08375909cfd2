import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { expect, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";

/**
 * Malformed input never answers 5xx (issue 13, item 4): a 500 is a failure that pages an operator,
 * and a sign that the input reached further than it was checked. Every route handler found under
 * app/api (a new route fails the test until its inputs are described below) and every server action
 * of the build's manifest is called with generated bad input — non-UUID ids and invalid UTF-8 in
 * path segments, dates JavaScript accepts and PostgreSQL refuses, NUL characters, wrong types,
 * forged cursors — plus the attacker's own examples, as a signed-in account holding every role and
 * as an app with every FHIR scope. Deterministic: FUZZ_SEED (printed on failure) replays a run.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261213);
/** Generated cases per route method and per server action (the fixed examples come on top). */
const CASES = Number(process.env.FUZZ_CASES ?? 6);

/** Cells send requests only: no page to check with axe. */
const fuzz = test.extend({ guardedPage: async ({}, provide) => provide() });
// In order, in one worker (the fixtures are built once); a failing test does not stop the others.
test.describe.configure({ mode: "default" });

/* ------------------------------------------------------------------------------------------------
 * Bad values.
 * ---------------------------------------------------------------------------------------------- */

const BAD_DATES = [
  "0000-01-01",
  "2024-13-45",
  "2024-02-30",
  "-000001-01-01",
  "+275760-09-13",
  "9999-12-31",
  "1899-12-31",
  "2101-01-01",
  "0001-01-01",
  "1-1-1",
  "2024-1-1",
  "2024-01-01\u0000",
];
const BAD_INSTANTS = [
  "0000-01-01T00:00:00Z",
  "0000-01-01T00:00:00.000Z",
  "-000001-01-01T00:00:00.000Z",
  "+275760-09-13T00:00:00.000Z",
  "9999-12-31T23:59:59Z",
  "1800-01-01T00:00:00Z",
  "2024-13-45T00:00:00Z",
  "2024-01-01T25:00:00Z",
  "2024-01-01T00:00:00+99:99",
];
const NASTY_TEXT = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%00",
  "%",
  "%FF",
  "\ud800",
  "\u202e",
  "𝕏",
  "<script>",
  "'; select pg_sleep(1);--",
  "x".repeat(5000),
  "NaN",
  "-1",
  "1e999",
  "null",
  "[]",
  "{}",
];
const BAD_IDS = [
  "1",
  "abc",
  "%00",
  "%FF",
  "%C3%28",
  "%E0%A4%A",
  "%",
  "..%2F..%2Fetc%2Fpasswd",
  "00000000-0000-0000-0000-00000000000g",
  "%20",
  `${randomUUID()}%00`,
];

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
/** Percent-encodes as UTF-8 bytes, lone surrogates included (encodeURIComponent throws on those). */
const percent = (value: string) =>
  [...Buffer.from(value, "utf8")]
    .map((byte) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
/** A header carries printable ASCII only: anything else goes percent-encoded, as the app's own headers do. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, (character) => percent(character));

/** Cursors shaped like the app's own (documents, history, FHIR searches) around an impossible date. */
const cursor = fc
  .tuple(
    fc.constantFrom("date_desc", "date_asc", "added_desc"),
    fc.constantFrom(...BAD_DATES, ...BAD_INSTANTS),
    fc.uuid(),
    fc.constantFrom("document", "history", "observation"),
  )
  .map(([sort, key, id, kind]) =>
    kind === "document"
      ? base64url({ s: sort, k: key, i: id })
      : kind === "history"
        ? base64url({ k: key, i: id })
        : base64url({ t: key, i: id }),
  );

const badString = fc.oneof(
  fc.constantFrom(...BAD_DATES, ...BAD_INSTANTS, ...NASTY_TEXT, ...BAD_IDS),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ maxLength: 30 }).map((value) => `${value}\u0000`),
  fc.uuid(),
  cursor,
);
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: badString },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(badString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), badString, { maxKeys: 2 }),
);
/** A path segment: raw (so "%FF" arrives as invalid UTF-8), or an encoded odd string, or an unknown UUID. */
const badSegment = fc.oneof(
  fc.constantFrom(...BAD_IDS),
  fc.string({ unit: "binary", minLength: 1, maxLength: 20 }).map(percent),
  fc.uuid(),
);

/* ------------------------------------------------------------------------------------------------
 * The routes, found on disk, and what each reads.
 * ---------------------------------------------------------------------------------------------- */

type RouteInputs = {
  /** Query parameters the route reads. */
  query?: string[];
  /** Fields of a JSON (or form, or FHIR JSON) body. */
  body?: { kind: "json" | "form" | "fhir"; fields: string[] };
  headers?: string[];
  /** For a catch-all segment: the sub-paths it serves. */
  catchAll?: string[];
};

const DOCUMENT_QUERY = ["q", "category", "author", "from", "to", "pinned", "bin", "sort", "cursor", "limit"];
const HISTORY_QUERY = ["tab", "author", "kind", "from", "to", "cursor", "limit"];
const FHIR_SEARCH = ["_count", "_cursor", "date", "category", "code", "patient", "_id"];

const ROUTE_INPUTS: Record<string, RouteInputs> = {
  "/api/admin/journal/export": { query: ["staff", "action", "target", "from", "to"] },
  "/api/auth/[...nextauth]": {
    catchAll: ["session", "csrf", "providers", "signin", "signout", "callback/password", "callback/second-factor", "error"],
    query: ["callbackUrl", "error"],
    body: { kind: "form", fields: ["email", "password", "csrfToken", "callbackUrl", "kind", "code", "factorId", "credential", "json"] },
  },
  "/api/consent/receipts/[id]": {},
  "/api/documents/[id]/bin": {},
  "/api/documents/[id]/file": { query: ["download"] },
  "/api/documents/[id]/report": { body: { kind: "json", fields: ["reason", "message"] } },
  "/api/documents/[id]/restore": {},
  "/api/documents/[id]": {
    body: { kind: "json", fields: ["title", "category", "documentDate", "note", "pinned", "hiddenFromProfessionals"] },
  },
  "/api/documents/bulk": { body: { kind: "json", fields: ["action", "ids", "category"] } },
  "/api/documents": { query: DOCUMENT_QUERY },
  "/api/fhir/.well-known/smart-configuration": {},
  "/api/fhir/Binary/[id]": {},
  "/api/fhir/DocumentReference/[id]": {},
  "/api/fhir/DocumentReference": { query: FHIR_SEARCH },
  "/api/fhir/Observation/[id]": {},
  "/api/fhir/Observation": {
    query: FHIR_SEARCH,
    body: { kind: "fhir", fields: ["resourceType", "status", "code", "subject", "effectiveDateTime", "valueQuantity", "category"] },
  },
  "/api/fhir/Patient/[id]": {},
  "/api/fhir/Patient": { query: FHIR_SEARCH },
  "/api/fhir/metadata": {},
  "/api/health": {},
  "/api/history/export": { query: HISTORY_QUERY },
  "/api/history": { query: HISTORY_QUERY },
  "/api/oauth/authorize/decision": { body: { kind: "form", fields: ["requestId", "decision", "categories", "scopes"] } },
  "/api/oauth/authorize": {
    query: ["client_id", "redirect_uri", "state", "response_type", "code_challenge", "code_challenge_method", "aud", "scope"],
  },
  "/api/oauth/revoke": { body: { kind: "form", fields: ["token", "token_type_hint", "client_id", "client_secret"] } },
  "/api/oauth/token": {
    body: { kind: "form", fields: ["grant_type", "code", "redirect_uri", "code_verifier", "refresh_token", "client_id", "client_secret"] },
  },
  "/api/not-found": {},
  "/api/ping": {},
  "/api/pro/patients/[patientId]/access-requests": {
    body: { kind: "json", fields: ["scope", "categories", "documentIds", "canAdd", "message", "validUntil"] },
  },
  "/api/pro/patients/[patientId]/documents": { query: DOCUMENT_QUERY },
  "/api/pro/patients/[patientId]/emergency": { body: { kind: "json", fields: ["reason"] } },
  "/api/pro/patients/[patientId]/identity": { body: { kind: "json", fields: ["nir", "documentType", "checked"] } },
  "/api/pro/patients/[patientId]": {},
  "/api/pro/patients/find": { body: { kind: "json", fields: ["identifier", "birthDate"] } },
  "/api/uploads": {
    query: ["patient"],
    headers: ["X-File-Name", "X-Document-Title", "X-Document-Category", "X-Document-Date", "X-Document-Note"],
  },
};

type Route = { file: string; pattern: string; methods: string[] };

function routeFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? routeFiles(path) : entry.name === "route.ts" ? [path] : [];
  });
}

/** Every route handler under app/api with the methods its file exports. */
function discoverRoutes(): Route[] {
  return routeFiles("app/api").map((file) => {
    const source = readFileSync(file, "utf8");
    const methods = new Set<string>();
    for (const match of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)\b/g))
      methods.add(match[1]);
    for (const match of source.matchAll(/export\s*\{([^}]*)\}/g))
      for (const named of match[1].matchAll(/as\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(named[1]);
    return { file, pattern: `/${file.replace(/\/route\.ts$/, "")}`.replace(/^\/app/, ""), methods: [...methods] };
  });
}

/* ------------------------------------------------------------------------------------------------
 * Requests.
 * ---------------------------------------------------------------------------------------------- */

/** `expected`: the status a fixed example must get (404 for an id in the path, 400 for other bad input). */
type Probe = { method: string; url: string; headers?: Record<string, string>; data?: string | Buffer; expected?: number };
type Failure = { probe: string; status: number; body: string };

const ORIGIN = { Origin: E2E_APP_URL };

function describeProbe(probe: Probe): string {
  const data = probe.data === undefined ? "" : ` body=${JSON.stringify(String(probe.data).slice(0, 200))}`;
  const headers = probe.headers ? ` headers=${JSON.stringify(probe.headers).slice(0, 300)}` : "";
  return `${probe.method} ${probe.url}${headers}${data}${probe.expected ? ` (expected ${probe.expected})` : ""}`;
}

async function send(request: APIRequestContext, probe: Probe): Promise<{ status: number; body: string }> {
  const response = await request.fetch(probe.url, {
    method: probe.method,
    headers: probe.headers,
    data: probe.data,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return { status: response.status(), body: (await response.text()).slice(0, 300) };
}

/** Runs probes a few at a time and returns those answered 5xx (or, for actions, an INTERNAL result). */
async function run(request: APIRequestContext, probes: Probe[], { internalResult = false } = {}): Promise<Failure[]> {
  const failures: Failure[] = [];
  const queue = [...probes];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let probe = queue.shift(); probe; probe = queue.shift()) {
        // A refused connection or a reset is a failure too: the server fell over.
        const { status, body } = await send(request, probe).catch((error: Error) => ({ status: 0, body: error.message }));
        const wrong = probe.expected !== undefined && status !== probe.expected;
        if (wrong || status === 0 || status >= 500 || (internalResult && /"code":"INTERNAL"/.test(body)))
          failures.push({ probe: describeProbe(probe), status, body });
      }
    }),
  );
  return failures;
}

function report(failures: Failure[], total: number): string {
  const lines = failures
    .slice(0, 40)
    .map((failure) => `  ${failure.status} ← ${failure.probe}\n      ${failure.body.replace(/\s+/g, " ").slice(0, 160)}`);
  return `${failures.length} of ${total} requests failed (FUZZ_SEED=${SEED} FUZZ_CASES=${CASES} replays this run):\n${lines.join("\n")}`;
}

function queryString(entries: [string, unknown][]): string {
  const params = new URLSearchParams();
  for (const [key, value] of entries)
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, typeof item === "string" ? item : JSON.stringify(item));
  return params.toString();
}

/** A body of the route's kind with bad values, or something that is not that kind at all. */
const bodyOf = (inputs: RouteInputs): fc.Arbitrary<{ data: string | Buffer; type: string }> => {
  const fields = inputs.body?.fields ?? ["id", "value"];
  const kind = inputs.body?.kind ?? "json";
  const type = kind === "form" ? "application/x-www-form-urlencoded" : kind === "fhir" ? "application/fhir+json" : "application/json";
  const record = fc.dictionary(fc.constantFrom(...fields), badValue, { maxKeys: fields.length });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: record.map((value) => ({ data: kind === "form" ? queryString(Object.entries(value)) : JSON.stringify(value), type })),
    },
    fc.constantFrom<{ data: string | Buffer; type: string }>(
      { data: "null", type },
      { data: "[1,2]", type },
      { data: '"texte"', type },
      { data: "{", type },
      { data: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), type },
      { data: "a=%FF&b=%00", type: "application/x-www-form-urlencoded" },
      { data: "texte", type: "text/plain" },
    ),
  );
};

type Ids = { document: string; patient: string; receipt: string; observation: string };

function routeProbes(route: Route, inputs: RouteInputs, ids: Ids, bearer: string, seed: number): Probe[] {
  const fillPath = (segment: (name: string) => string) =>
    route.pattern.replace(/\[\.\.\.(\w+)\]/, () => segment("...")).replace(/\[(\w+)\]/g, (_, name: string) => segment(name));
  const realId = (name: string) =>
    name === "patientId"
      ? ids.patient
      : route.pattern.includes("/fhir/Observation")
        ? ids.observation
        : route.pattern.includes("receipts")
          ? ids.receipt
          : ids.document;
  const auth: Record<string, string> = route.pattern.startsWith("/api/fhir/") ? { Authorization: `Bearer ${bearer}` } : {};
  const probe = fc.record({
    method: fc.constantFrom(...route.methods),
    segment: badSegment,
    /** A real id with bad input elsewhere, or a bad id. */
    realPath: fc.boolean(),
    catchAll: fc.constantFrom(...(inputs.catchAll ?? [""])),
    query: fc.array(fc.tuple(fc.constantFrom(...(inputs.query ?? ["id"]), "x"), badValue), { maxLength: 3 }),
    body: bodyOf(inputs),
    headers: fc.dictionary(
      fc.constantFrom(...(inputs.headers ?? ["X-Unused"])),
      fc
        .oneof(
          fc.constantFrom(...BAD_DATES, ...BAD_IDS, "%00", "%FF", "%E0%A4%A"),
          fc.string({ unit: "binary", maxLength: 20 }).map(percent),
        )
        .map(headerSafe),
      { maxKeys: 5 },
    ),
  });
  return fc.sample(probe, { seed, numRuns: CASES * route.methods.length }).map((c) => {
    const path = fillPath((name) => (name === "..." ? c.catchAll : c.realPath ? realId(name) : c.segment));
    const query = queryString(c.query);
    const url = `${path}${query ? `?${query}` : ""}`;
    const withBody = c.method !== "GET" && c.method !== "HEAD" && c.method !== "OPTIONS";
    const upload = route.pattern === "/api/uploads";
    const headers: Record<string, string> = {
      ...ORIGIN,
      ...auth,
      ...(upload
        ? { "X-File-Name": "a.txt", "X-Document-Title": "Titre", "X-Document-Category": "OTHER", "X-Document-Date": "2024-01-01" }
        : {}),
      ...c.headers,
    };
    if (!withBody) return { method: c.method, url, headers };
    if (upload) return { method: c.method, url, headers: { ...headers, "Content-Type": "application/octet-stream" }, data: "bonjour" };
    return { method: c.method, url, headers: { ...headers, "Content-Type": c.body.type }, data: c.body.data };
  });
}

/** The attacker's own examples (issue 13), besides the generated ones. */
function attackerProbes(ids: Ids, bearer: string): Probe[] {
  const fhir = { Authorization: `Bearer ${bearer}` };
  const upload = (date: string) => ({
    method: "POST",
    url: "/api/uploads",
    headers: {
      ...ORIGIN,
      "Content-Type": "application/octet-stream",
      "X-File-Name": "a.txt",
      "X-Document-Title": "Titre",
      "X-Document-Category": "OTHER",
      "X-Document-Date": date,
    },
    data: "bonjour",
  });
  const observation = (
    effectiveDateTime: string,
    valueQuantity: Record<string, unknown> = { value: 120, unit: "mm[Hg]", system: "http://unitsofmeasure.org", code: "mm[Hg]" },
  ) => ({
    method: "POST",
    url: "/api/fhir/Observation",
    headers: { ...fhir, "Content-Type": "application/fhir+json" },
    data: JSON.stringify({
      resourceType: "Observation",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "8480-6" }] },
      effectiveDateTime,
      valueQuantity,
    }),
  });
  const notFound = (probe: Probe): Probe => ({ ...probe, expected: 404 });
  const badRequest = (probe: Probe): Probe => ({ ...probe, expected: 400 });
  const json = { ...ORIGIN, "Content-Type": "application/json" };
  const form = { ...ORIGIN, "Content-Type": "application/x-www-form-urlencoded" };
  return [
    // Ids in the path that are not UUIDs, invalid UTF-8 included: not found, like an unknown id.
    ...["not-a-uuid", "%FF", "%C3%28", "%E0%A4%A", "%", "1", "..%2F..%2Fetc%2Fpasswd"].flatMap((id) =>
      [
        { method: "GET", url: `/api/pro/patients/${id}` },
        { method: "GET", url: `/api/pro/patients/${id}/documents` },
        {
          method: "POST",
          url: `/api/pro/patients/${id}/emergency`,
          headers: json,
          data: JSON.stringify({ reason: "Patient inconscient aux urgences" }),
        },
        { method: "POST", url: `/api/pro/patients/${id}/access-requests`, headers: json, data: JSON.stringify({ scope: "ALL_VISIBLE" }) },
        { method: "GET", url: `/api/documents/${id}` },
        { method: "PATCH", url: `/api/documents/${id}`, headers: json, data: JSON.stringify({ note: "Relu" }) },
        { method: "GET", url: `/api/documents/${id}/file` },
        { method: "POST", url: `/api/documents/${id}/report`, headers: json, data: JSON.stringify({ reason: "OTHER" }) },
        { method: "GET", url: `/api/consent/receipts/${id}` },
        { method: "GET", url: `/api/fhir/DocumentReference/${id}`, headers: fhir },
        { method: "GET", url: `/api/fhir/Binary/${id}`, headers: fhir },
        { method: "GET", url: `/api/fhir/Observation/${id}`, headers: fhir },
        { method: "GET", url: `/api/fhir/Patient/${id}`, headers: fhir },
      ].map(notFound),
    ),
    notFound({ ...upload("2024-01-01"), url: "/api/uploads?patient=%FF" }),
    ...[
      { method: "GET", url: `/api/documents?cursor=${base64url({ s: "date_desc", k: "2024-13-45", i: randomUUID() })}` },
      { method: "GET", url: `/api/documents?cursor=${base64url({ s: "date_desc", k: "0000-01-01", i: randomUUID() })}` },
      {
        method: "GET",
        url: `/api/documents?cursor=${base64url({ s: "added_desc", k: "-000001-01-01T00:00:00.000Z", i: randomUUID() })}&sort=added_desc`,
      },
      { method: "GET", url: "/api/documents?from=0000-01-01" },
      { method: "GET", url: "/api/documents?to=0000-01-01" },
      { method: "GET", url: "/api/documents?q=%00" },
      { method: "GET", url: "/api/documents?q=a%00b" },
      { method: "GET", url: `/api/pro/patients/${ids.patient}/documents?q=%00` },
      { method: "GET", url: `/api/history?cursor=${base64url({ k: "0000-01-01T00:00:00Z", i: randomUUID() })}` },
      { method: "GET", url: "/api/history?from=0000-01-01" },
      { method: "GET", url: "/api/history/export?to=0000-01-01" },
      { method: "GET", url: "/api/admin/journal/export?from=0000-01-01" },
      { method: "GET", url: "/api/admin/journal/export?to=2024-13-45" },
      upload("0000-01-01"),
      upload("2024-13-45"),
      { method: "PATCH", url: `/api/documents/${ids.document}`, headers: json, data: JSON.stringify({ documentDate: "0000-01-01" }) },
      { method: "PATCH", url: `/api/documents/${ids.document}`, headers: json, data: JSON.stringify({ title: "a\u0000b" }) },
      {
        method: "GET",
        url: `/api/fhir/DocumentReference?_cursor=${base64url({ s: "added_desc", k: "-000001-01-01T00:00:00.000Z", i: randomUUID() })}`,
        headers: fhir,
      },
      {
        method: "GET",
        url: `/api/fhir/DocumentReference?_cursor=${base64url({ s: "added_desc", k: "0000-01-01T00:00:00.000Z", i: randomUUID() })}`,
        headers: fhir,
      },
      { method: "GET", url: `/api/fhir/Observation?_cursor=${base64url({ t: "0000-01-01T00:00:00Z", i: randomUUID() })}`, headers: fhir },
      { method: "GET", url: "/api/fhir/DocumentReference?date=ge0000-01-01", headers: fhir },
      { method: "GET", url: "/api/fhir/Observation?date=lt-0001-01-01", headers: fhir },
      { method: "GET", url: "/api/fhir/Observation?date=eq0000-01-01", headers: fhir },
      { method: "GET", url: "/api/fhir/Observation?code=%00", headers: fhir },
      observation("0000-01-01T00:00:00Z"),
      observation("0000-06-01T10:00:00+02:00"),
      observation("2024-01-01T00:00:00Z", { value: 120, unit: "mm\u0000Hg", code: "mm[Hg]" }),
      {
        method: "POST",
        url: "/api/pro/patients/find",
        headers: json,
        data: JSON.stringify({ identifier: "1 85 04 75 123 456 78", birthDate: "0000-01-01" }),
      },
      {
        method: "POST",
        url: "/api/pro/patients/find",
        headers: json,
        data: JSON.stringify({ identifier: "1 85 04 75 123 456 78", birthDate: "2024-13-45" }),
      },
      {
        method: "POST",
        url: "/api/pro/patients/find",
        headers: json,
        data: JSON.stringify({ identifier: "ENS-\u0000", birthDate: "1985-04-12" }),
      },
      { method: "POST", url: "/api/auth/callback/password?callbackUrl=1-1-1", headers: form, data: "email=a%40b.fr&password=x" },
      { method: "GET", url: "/api/auth/signin?callbackUrl=%00" },
      { method: "GET", url: "/api/auth/session", headers: { Cookie: "ens.callback=1-1-1" } },
    ].map(badRequest),
    // The credentials providers take a POST only.
    { method: "GET", url: "/api/auth/callback/second-factor", expected: 405 },
    {
      method: "POST",
      url: "/api/oauth/token",
      headers: form,
      data: "grant_type=refresh_token&refresh_token=x&client_id=a%00",
      expected: 400,
    },
    {
      method: "POST",
      url: "/api/oauth/token",
      headers: { ...form, Authorization: `Basic ${Buffer.from("a%00:b").toString("base64")}` },
      data: "grant_type=refresh_token&refresh_token=x",
      expected: 401,
    },
    { method: "GET", url: "/api/oauth/authorize?client_id=a%00&redirect_uri=https%3A%2F%2Fx.example%2Fcb" },
  ];
}

/* ------------------------------------------------------------------------------------------------
 * Server actions, from the build's manifest.
 * ---------------------------------------------------------------------------------------------- */

type ServerAction = { id: string; file: string; name: string; page: string };

function discoverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, action]) => {
    const worker = Object.keys(action.workers).find((key) => key.endsWith("/page")) ?? Object.keys(action.workers)[0];
    const page = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[[^\]]+\]/g, () => randomUUID());
    return { id, file: action.filename, name: action.exportedName, page: page || "/" };
  });
}

/** Field names the actions' schemas read (so generated records reach past "required"). */
const ACTION_FIELDS = [
  "documentId",
  "pinned",
  "alertId",
  "professionalId",
  "requestId",
  "connectionId",
  "sessionId",
  "factorId",
  "ticketId",
  "appId",
  "clientId",
  "targetUserId",
  "userId",
  "email",
  "password",
  "currentPassword",
  "newPassword",
  "code",
  "reason",
  "role",
  "change",
  "closed",
  "slug",
  "scope",
  "categories",
  "documentIds",
  "access",
  "duration",
  "validUntil",
  "enabled",
  "firstAccessByEmail",
  "birthDate",
  "firstName",
  "lastName",
  "nir",
  "subject",
  "message",
  "topic",
  "body",
  "locale",
  "decision",
  "token",
  "entryId",
  "name",
  "kind",
  "phone",
];

/** Whole valid-looking inputs with one impossible value, for the actions that take dates or free text. */
const ACTION_EXAMPLES: Record<string, () => Record<string, unknown>[]> = {
  signUpAction: () => [
    {
      firstName: "Camille",
      lastName: "Essai",
      birthDate: "0000-01-01",
      email: `fuzz-${randomUUID().slice(0, 8)}@test.espace-sante.localhost`,
      password: "une phrase de passe assez longue",
    },
    {
      firstName: "Cam\u0000ille",
      lastName: "Essai",
      birthDate: "1985-04-12",
      email: `fuzz-${randomUUID().slice(0, 8)}@test.espace-sante.localhost`,
      password: "une phrase de passe assez longue",
    },
  ],
  grantAccessAction: () => [
    { professionalId: randomUUID(), scope: "ALL_VISIBLE", access: "read", duration: "until", validUntil: "0000-01-01" },
  ],
  acceptAccessRequestAction: () => [
    { requestId: randomUUID(), scope: "ALL_VISIBLE", access: "read", duration: "until", validUntil: "2024-13-45" },
  ],
  openTicketAction: () => [{ topic: "OTHER", subject: "Sujet\u0000", message: "Bonjour\u0000" }],
  requestPasswordResetAction: () => [{ email: "a\u0000@b.fr" }],
};

/**
 * The arguments as React's client encodes them (encodeReply): a string that starts with "$" is sent
 * as "$$…", since "$" opens a reference (a promise, a form, a map). Raw "$" references are React's own
 * protocol, decoded by Next.js before any action code runs; fuzzing them tests the framework.
 */
const encodeReply = (args: unknown[]) =>
  JSON.stringify(args, (_key, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value));

function actionProbes(actions: ServerAction[], seed: number): Probe[] {
  const fields = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.dictionary(fc.constantFrom(...ACTION_FIELDS), badValue, { maxKeys: 4 }).map((record) => [null, record] as unknown[]),
    },
    // Not the (previousState, fields) an action expects: nothing at all, text, a number, a list.
    fc.constantFrom<unknown[]>(
      [],
      [null],
      ["texte"],
      [null, "texte"],
      [null, 42],
      [null, null],
      [null, [1, 2]],
      [{ locale: "\u0000" }],
      [null, { locale: ["fr"] }],
    ),
  );
  return actions.flatMap((action, index) => {
    const headers = { ...ORIGIN, "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" };
    const generated = fc.sample(fields, { seed: seed + index, numRuns: CASES }).map(encodeReply);
    const examples = (ACTION_EXAMPLES[action.name]?.() ?? []).map((record) => encodeReply([null, record]));
    return [...generated, ...examples].map((data) => ({ method: "POST", url: action.page, headers, data }));
  });
}

/* ------------------------------------------------------------------------------------------------
 * The run.
 * ---------------------------------------------------------------------------------------------- */

let request: APIRequestContext;
let ids: Ids;
let bearer: string;

test.beforeAll(async ({ browser }) => {
  // One account that holds every role (patient, professional, staff), so input reaches every service.
  const account = await createAccount({ roles: ["PATIENT", "PROFESSIONAL", "SUPPORT", "CURATOR", "ADMIN"] });
  const db = e2eDb();
  await db.professional.create({
    data: {
      userId: account.id,
      rpps: String(10_000_000_000 + Math.floor(Math.random() * 89_999_999_999)).slice(0, 11),
      firstName: "Paul",
      lastName: "Fuzz",
      profession: "Médecin",
      city: "Rennes",
      emergencyStaff: true,
    },
  });
  const context = await browser.newContext({
    baseURL: E2E_APP_URL,
    extraHTTPHeaders: { "X-Forwarded-For": `10.13.${Math.floor(Math.random() * 254) + 1}.${Math.floor(Math.random() * 254) + 1}` },
  });
  await signInAs(context, account);
  request = context.request;

  const uploaded = await request.post("/api/uploads", {
    data: "bonjour",
    headers: {
      ...ORIGIN,
      "Content-Type": "application/octet-stream",
      "X-File-Name": "note.txt",
      "X-Document-Title": "Note",
      "X-Document-Category": "LAB_RESULTS",
      "X-Document-Date": "2024-01-01",
    },
  });
  expect(uploaded.status()).toBe(201);
  const document = ((await uploaded.json()) as { id: string }).id;

  // An app connected with every scope, and one of its measurements.
  const app = await db.catalogApp.findUniqueOrThrow({ where: { slug: "tensio-plus" }, select: { id: true } });
  const client = await db.oAuthClient.create({
    data: { clientId: `fuzz-${randomUUID()}`, appId: app.id, type: "PUBLIC", redirectUris: ["https://fuzz.example/cb"] },
    select: { id: true },
  });
  const scopes = ["launch/patient", "patient/Patient.r", "patient/DocumentReference.rs", "patient/Observation.rs", "patient/Observation.c"];
  const connection = await db.appConnection.create({
    data: { patientId: account.id, appId: app.id, scopes, categories: ["LAB_RESULTS", "OTHER"] },
    select: { id: true },
  });
  bearer = `ens_at_${randomBytes(32).toString("base64url")}`;
  await db.oAuthToken.create({
    data: {
      tokenHash: createHash("sha256").update(bearer, "utf8").digest("hex"),
      kind: "ACCESS",
      clientId: client.id,
      connectionId: connection.id,
      scopes,
      familyId: randomUUID(),
      expiresAt: new Date(Date.now() + 15 * 60_000),
    },
  });
  const created = await request.post("/api/fhir/Observation", {
    headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/fhir+json" },
    data: JSON.stringify({
      resourceType: "Observation",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "8867-4" }] },
      effectiveDateTime: "2024-01-01T08:00:00Z",
      valueQuantity: { value: 60, unit: "/min", system: "http://unitsofmeasure.org", code: "/min" },
    }),
  });
  expect(created.status()).toBe(201);
  const observation = /Observation\/([0-9a-f-]{36})/.exec(created.headers().location ?? "")?.[1] ?? randomUUID();
  ids = { document, patient: account.id, receipt: randomUUID(), observation };
});

fuzz("every route under app/api has its inputs described here", () => {
  const patterns = discoverRoutes().map((route) => route.pattern);
  expect(patterns.length).toBeGreaterThan(25);
  expect(
    patterns.filter((pattern) => !(pattern in ROUTE_INPUTS)),
    "routes without an entry in ROUTE_INPUTS",
  ).toEqual([]);
  expect(
    Object.keys(ROUTE_INPUTS).filter((pattern) => !patterns.includes(pattern)),
    "entries of ROUTE_INPUTS without a route",
  ).toEqual([]);
});

fuzz("the attacker's malformed requests answer 4xx", async () => {
  const probes = attackerProbes(ids, bearer);
  const failures = await run(request, probes);
  expect(failures, report(failures, probes.length)).toEqual([]);
});

fuzz("generated bad input to every route answers below 500", async () => {
  test.setTimeout(120_000);
  const routes = discoverRoutes();
  const probes = routes.flatMap((route, index) =>
    route.methods.length ? routeProbes(route, ROUTE_INPUTS[route.pattern] ?? {}, ids, bearer, SEED + index) : [],
  );
  expect(probes.length).toBeGreaterThan(300);
  const failures = await run(request, probes);
  expect(failures, report(failures, probes.length)).toEqual([]);
});

fuzz("generated bad input to every server action answers below 500, never an internal error", async () => {
  test.setTimeout(120_000);
  const actions = discoverActions();
  expect(actions.length).toBeGreaterThan(40);
  const probes = actionProbes(actions, SEED);
  const failures = await run(request, probes, { internalResult: true });
  expect(failures, report(failures, probes.length)).toEqual([]);
});
