import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse, BrowserContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import {
  ACCESS_MATRIX,
  OWN_SPACE,
  ROLE_KEYS,
  staffOnly,
  type Action,
  type Outcome,
  type Resource,
  type Role,
} from "@/lib/server/access/access-matrix";
import { expect, test } from "./fixtures";
import { createAccount, e2eDb, signInAs, type TestAccount } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";

/**
 * The authorization matrix (lib/server/access/access-matrix.ts) at the app's doors, against the
 * production build: every route, page and server action that serves a patient's health data, for
 * every role. A refusal has the table's status (pages: 404, or the sign-in step for anonymous and
 * half sessions), its body never holds the patient's document titles, and it changed nothing of the
 * patient's space. The fixtures are built once; the cells run in order, in one worker.
 */

test.describe.configure({ mode: "default" });

/**
 * The cells render no page: the guard's axe and CSP checks would have nothing to look at, and a fresh
 * browser page per cell would cost most of the run.
 */
const cell = test.extend({ guardedPage: async ({}, provide) => provide() });

const marker = randomUUID().slice(0, 8);
const TITLES = {
  lab: `Bilan lipidique ${marker}`,
  hidden: `Sérologie cachée ${marker}`,
  prescription: `Ordonnance ${marker}`,
  scratch: `Brouillon ${marker}`,
};
const ORIGIN = { Origin: E2E_APP_URL };
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

type Fixtures = {
  owner: TestAccount;
  requests: Record<Role, APIRequestContext>;
  accounts: Partial<Record<Role, TestAccount>>;
  documents: { lab: string; hidden: string; prescription: string; scratch: string };
  receiptId: string;
  /** A support ticket of the owner's about the lab document, and a catalogue app awaiting review. */
  ticketId: string;
  appId: string;
  /** An OAuth client of that app (its row id). */
  clientId: string;
};
let fx: Fixtures;
const contexts: BrowserContext[] = [];

function upload(
  request: APIRequestContext,
  title: string,
  { category = "LAB_RESULTS", patient }: { category?: string; patient?: string } = {},
) {
  return request.post(`/api/uploads${patient ? `?patient=${patient}` : ""}`, {
    data: png,
    headers: {
      ...ORIGIN,
      "Content-Type": "application/octet-stream",
      "X-File-Name": "examen.png",
      "X-Document-Title": encodeURIComponent(title),
      "X-Document-Category": category,
      "X-Document-Date": "2026-02-03",
    },
  });
}

test.beforeAll(async ({ browser }) => {
  const patient = () => createAccount();
  const staff = (role: "PROFESSIONAL" | "SUPPORT" | "CURATOR" | "ADMIN") => createAccount({ roles: [role] });
  const [owner, otherPatient, proGranted, proExpired, proRevoked, proBlocked, proWithout, emergency, support, curator, admin] =
    await Promise.all([
      patient(),
      patient(),
      staff("PROFESSIONAL"),
      staff("PROFESSIONAL"),
      staff("PROFESSIONAL"),
      staff("PROFESSIONAL"),
      staff("PROFESSIONAL"),
      staff("PROFESSIONAL"),
      staff("SUPPORT"),
      staff("CURATOR"),
      staff("ADMIN"),
    ]);
  const accounts: Fixtures["accounts"] = {
    owner,
    otherPatient,
    proGranted,
    proExpired,
    proRevoked,
    proBlocked,
    proWithout,
    emergency,
    support,
    curator,
    admin,
    halfOwner: owner,
  };
  const db = e2eDb();
  const professionalIds: Partial<Record<Role, string>> = {};
  for (const role of ["proGranted", "proExpired", "proRevoked", "proBlocked", "proWithout", "emergency"] as const) {
    const rpps = String(10000000000 + Math.floor(Math.random() * 89999999999)).slice(0, 11);
    professionalIds[role] = (
      await db.professional.create({
        data: {
          userId: accounts[role]!.id,
          rpps,
          firstName: "Paul",
          lastName: `Matrice ${role}`,
          profession: "Médecin",
          city: "Rennes",
          emergencyStaff: role === "emergency",
        },
        select: { id: true },
      })
    ).id;
  }

  const requests = {} as Record<Role, APIRequestContext>;
  for (const role of ROLE_KEYS) {
    const octet = () => Math.floor(Math.random() * 254) + 1;
    const context = await browser.newContext({
      baseURL: E2E_APP_URL,
      extraHTTPHeaders: { "X-Forwarded-For": `10.${octet()}.${octet()}.${octet()}` },
    });
    contexts.push(context);
    if (role === "halfOwner") await signInAs(context, owner, { stage: "PASSWORD_VERIFIED" });
    else if (role !== "anonymous") await signInAs(context, accounts[role]!);
    requests[role] = context.request;
  }

  const idOf = async (response: APIResponse) => {
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const documents = {
    lab: await idOf(await upload(requests.owner, TITLES.lab)),
    hidden: await idOf(await upload(requests.owner, TITLES.hidden)),
    prescription: await idOf(await upload(requests.owner, TITLES.prescription, { category: "PRESCRIPTION" })),
    scratch: await idOf(await upload(requests.owner, TITLES.scratch, { category: "OTHER" })),
  };
  expect(
    (
      await requests.owner.patch(`/api/documents/${documents.hidden}`, { data: { hiddenFromProfessionals: true }, headers: ORIGIN })
    ).status(),
  ).toBe(200);

  const day = 24 * 60 * 60 * 1000;
  const all = { scope: "ALL_VISIBLE" as const, canAdd: true };
  await db.accessGrant.createMany({
    data: [
      {
        patientId: owner.id,
        professionalId: professionalIds.proGranted!,
        scope: "CATEGORIES",
        categories: ["LAB_RESULTS"],
        canAdd: true,
        validFrom: new Date(Date.now() - day),
      },
      {
        patientId: owner.id,
        professionalId: professionalIds.proExpired!,
        ...all,
        validFrom: new Date(Date.now() - 10 * day),
        validUntil: new Date(Date.now() - day),
      },
      {
        patientId: owner.id,
        professionalId: professionalIds.proRevoked!,
        ...all,
        validFrom: new Date(Date.now() - 10 * day),
        revokedAt: new Date(Date.now() - 60_000),
      },
      { patientId: owner.id, professionalId: professionalIds.proBlocked!, ...all, validFrom: new Date(Date.now() - 10 * day) },
    ],
  });
  await db.professionalBlock.create({ data: { patientId: owner.id, professionalId: professionalIds.proBlocked! } });
  const glass = await requests.emergency.post(`/api/pro/patients/${owner.id}/emergency`, {
    data: { reason: "Patient inconscient aux urgences" },
    headers: ORIGIN,
  });
  expect(glass.status()).toBe(201);

  // A consent receipt of the owner's, shaped as the consent services write them (ReceiptSnapshot in
  // lib/server/consent/consent-record.ts): the grants above are plain rows.
  const granted = await db.professional.findUniqueOrThrow({
    where: { id: professionalIds.proGranted! },
    select: { id: true, rpps: true, firstName: true, lastName: true, profession: true, specialty: true, city: true },
  });
  const now = new Date().toISOString();
  const receipt = await db.consentReceipt.create({
    data: {
      patientId: owner.id,
      professionalId: granted.id,
      change: "GRANTED",
      snapshot: {
        version: 1,
        change: "GRANTED",
        professional: granted,
        access: { scope: "CATEGORIES", categories: ["LAB_RESULTS"], documentIds: [], canAdd: true, validFrom: now, validUntil: null },
        previous: null,
        endedAt: null,
        requestId: null,
        decidedBy: { userId: owner.id, label: `${owner.firstName} Essai` },
        decidedAt: now,
      },
    },
    select: { id: true },
  });

  const ticket = await db.supportTicket.create({
    data: { requesterId: owner.id, topic: "DOCUMENT", subject: `Problème de document ${marker}`, documentId: documents.lab },
    select: { id: true },
  });
  const app = await db.catalogApp.create({
    data: {
      slug: `matrice-${marker}`,
      name: `Appli matrice ${marker}`,
      publisher: "Test",
      theme: "PREVENTION",
      summaryFr: "Essai",
      summaryEn: "Test",
      websiteUrl: "https://example.test",
      status: "SUBMITTED",
    },
    select: { id: true },
  });

  const client = await db.oAuthClient.create({
    data: { clientId: `matrice-${marker}`, appId: app.id, type: "PUBLIC", redirectUris: ["https://matrice.example/cb"] },
    select: { id: true },
  });

  fx = { owner, requests, accounts, documents, receiptId: receipt.id, ticketId: ticket.id, appId: app.id, clientId: client.id };
});

test.afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
});

type Call = { request: APIRequestContext; role: Role };
type EntryPoint = {
  // Server actions are not replayed yet (see the note at the end of the file).
  kind: "route" | "page";
  name: string;
  resource: Resource;
  action: Action;
  /** "patient": the address names the owner or their document; "own": the signed-in person's own space (OWN_SPACE). */
  scope: "patient" | "own";
  /** Cells where this entry point answers otherwise than the resource's decision, with the reason in a comment. */
  differs?: Partial<Record<Role, Outcome>>;
  /** For a page: how it shows a 403 (own-space pages explain in a 200 that there is nothing for this account). */
  pageForbidden?: 200 | 404;
  /** A title the answer must show when allowed (the entry point really serves the data). */
  shows?: keyof typeof TITLES;
  send: (call: Call) => Promise<APIResponse>;
  /** Puts the owner's space back after an allowed change. */
  undo?: (call: Call) => Promise<unknown>;
};

const id = (key: keyof Fixtures["documents"]) => fx.documents[key];
const get =
  (path: () => string) =>
  ({ request }: Call) =>
    request.get(path(), { maxRedirects: 0 });

const ENTRY_POINTS: EntryPoint[] = [
  // The document list.
  {
    kind: "route",
    name: "GET /api/documents",
    resource: "documentList",
    action: "read",
    scope: "own",
    shows: "lab",
    send: get(() => "/api/documents"),
  },
  {
    kind: "route",
    name: "GET /api/pro/patients/:id/documents",
    resource: "documentList",
    action: "read",
    scope: "patient",
    shows: "lab",
    send: get(() => `/api/pro/patients/${fx.owner.id}/documents`),
  },
  {
    kind: "page",
    name: "/documents",
    resource: "documentList",
    action: "read",
    scope: "own",
    pageForbidden: 200,
    send: get(() => "/documents"),
  },
  {
    kind: "page",
    name: "/pro/patients/:id",
    resource: "documentList",
    action: "read",
    scope: "patient",
    // A professional's page: the owner and other accounts are not professionals (404). It names the
    // patient, with no document, to a professional with a (even lapsed) consent, so they can ask again;
    // one who never found the patient by identifier and birth date gets 404 like a blocked one.
    differs: {
      owner: 404,
      otherPatient: 404,
      proExpired: "ok",
      proRevoked: "ok",
      proWithout: 404,
      proBlocked: 404,
      support: 404,
      curator: 404,
      admin: 404,
    },
    send: get(() => `/pro/patients/${fx.owner.id}`),
  },
  {
    kind: "route",
    name: "POST /api/uploads?patient=:id",
    resource: "documentList",
    action: "add",
    scope: "patient",
    send: ({ request, role }) => upload(request, `Ajout par ${role} ${marker}`, { patient: fx.owner.id }),
    undo: () => e2eDb().document.deleteMany({ where: { ownerId: fx.owner.id, title: { startsWith: "Ajout par" } } }),
  },
  // The bin and bulk changes.
  {
    kind: "route",
    name: "GET /api/documents?bin=true",
    resource: "documentList",
    action: "manage",
    scope: "own",
    send: get(() => "/api/documents?bin=true"),
  },
  {
    kind: "page",
    name: "/documents/corbeille",
    resource: "documentList",
    action: "manage",
    scope: "own",
    pageForbidden: 200,
    send: get(() => "/documents/corbeille"),
  },
  {
    kind: "route",
    name: "POST /api/documents/bulk",
    resource: "documentList",
    action: "manage",
    scope: "own",
    // The owner hides their scratch document (and shows it again); anyone else tries to bin the owner's.
    send: ({ request, role }) =>
      request.post("/api/documents/bulk", {
        data: role === "owner" ? { action: "hide", ids: [id("scratch")] } : { action: "bin", ids: [id("lab"), id("prescription")] },
        headers: ORIGIN,
      }),
    undo: ({ request }) => request.post("/api/documents/bulk", { data: { action: "unhide", ids: [id("scratch")] }, headers: ORIGIN }),
  },
  // One document, its file, the professional's page of it.
  {
    kind: "route",
    name: "GET /api/documents/:id/file",
    resource: "document",
    action: "read",
    scope: "patient",
    send: get(() => `/api/documents/${id("lab")}/file`),
  },
  {
    kind: "page",
    name: "/pro/patients/:id/documents/:documentId",
    resource: "document",
    action: "read",
    scope: "patient",
    // A professional's page: the owner reads their document in their own vault (/documents/:id).
    differs: { owner: 404 },
    shows: "lab",
    send: get(() => `/pro/patients/${fx.owner.id}/documents/${id("lab")}`),
  },
  {
    kind: "route",
    name: "GET /api/documents/:id/file?download=1",
    resource: "download",
    action: "read",
    scope: "patient",
    send: get(() => `/api/documents/${id("lab")}/file?download=1`),
  },
  // Writing to it.
  {
    kind: "route",
    name: "PATCH /api/documents/:id",
    resource: "document",
    action: "add",
    scope: "patient",
    send: ({ request, role }) =>
      request.patch(`/api/documents/${id("lab")}`, {
        data: role === "owner" ? { note: "Relu" } : { title: `Volé par ${role}` },
        headers: ORIGIN,
      }),
  },
  {
    kind: "route",
    name: "POST /api/documents/:id/report",
    resource: "document",
    action: "add",
    scope: "patient",
    send: ({ request }) =>
      request.post(`/api/documents/${id("lab")}/report`, { data: { reason: "OTHER", message: "Matrice" }, headers: ORIGIN }),
  },
  // Managing it: the vault's detail (for editing), bin, erase, pin.
  {
    kind: "route",
    name: "GET /api/documents/:id",
    resource: "document",
    action: "manage",
    scope: "patient",
    shows: "lab",
    send: get(() => `/api/documents/${id("lab")}`),
  },
  {
    kind: "page",
    name: "/documents/:id",
    resource: "document",
    action: "manage",
    scope: "patient",
    send: get(() => `/documents/${id("lab")}`),
  },
  {
    kind: "route",
    name: "POST /api/documents/:id/bin",
    resource: "document",
    action: "manage",
    scope: "patient",
    send: ({ request }) => request.post(`/api/documents/${id("lab")}/bin`, { headers: ORIGIN }),
    undo: ({ request }) => request.post(`/api/documents/${id("lab")}/restore`, { headers: ORIGIN }),
  },
  {
    kind: "route",
    name: "DELETE /api/documents/:id (binned)",
    resource: "document",
    action: "manage",
    scope: "patient",
    send: async ({ request }) => {
      const binned = await e2eDb().document.create({
        data: {
          ownerId: fx.owner.id,
          title: `À effacer ${marker}`,
          category: "LAB_RESULTS",
          documentDate: new Date("2026-02-04"),
          authorKind: "PATIENT",
          deletedAt: new Date(),
        },
        select: { id: true },
      });
      return request.delete(`/api/documents/${binned.id}`, { headers: ORIGIN });
    },
    undo: () => e2eDb().document.deleteMany({ where: { ownerId: fx.owner.id, title: `À effacer ${marker}` } }),
  },
  // The hidden document.
  {
    kind: "route",
    name: "GET /api/documents/:hidden/file",
    resource: "hiddenDocument",
    action: "read",
    scope: "patient",
    send: get(() => `/api/documents/${id("hidden")}/file`),
  },
  {
    kind: "page",
    name: "/pro/patients/:id/documents/:hidden",
    resource: "hiddenDocument",
    action: "read",
    scope: "patient",
    differs: { owner: 404 },
    send: get(() => `/pro/patients/${fx.owner.id}/documents/${id("hidden")}`),
  },
  {
    kind: "route",
    name: "PATCH /api/documents/:hidden",
    resource: "hiddenDocument",
    action: "manage",
    scope: "patient",
    send: ({ request }) => request.patch(`/api/documents/${id("hidden")}`, { data: { hiddenFromProfessionals: false }, headers: ORIGIN }),
    undo: ({ request }) => request.patch(`/api/documents/${id("hidden")}`, { data: { hiddenFromProfessionals: true }, headers: ORIGIN }),
  },
  {
    kind: "page",
    name: "/documents/:hidden",
    resource: "hiddenDocument",
    action: "manage",
    scope: "patient",
    send: get(() => `/documents/${id("hidden")}`),
  },
  // The profile: the professional patient view, and the owner's /espace.
  {
    kind: "route",
    name: "GET /api/pro/patients/:id",
    resource: "profile",
    action: "read",
    scope: "patient",
    // The view is a professional's (the owner's profile is /espace); it names the patient and what the
    // professional may do, without health data, to one who found the patient or had a consent; holding
    // the patient's id is not enough (proWithout never looked them up: 404, like a blocked one).
    differs: { owner: 403, proGranted: "ok", proExpired: "ok", proRevoked: "ok", proWithout: 404, proBlocked: 404 },
    send: get(() => `/api/pro/patients/${fx.owner.id}`),
  },
  {
    kind: "page",
    name: "/espace",
    resource: "profile",
    action: "read",
    scope: "own",
    pageForbidden: 200,
    shows: "lab",
    send: get(() => "/espace"),
  },
  // The history.
  { kind: "route", name: "GET /api/history", resource: "history", action: "read", scope: "own", send: get(() => "/api/history") },
  {
    kind: "route",
    name: "GET /api/history/export",
    resource: "history",
    action: "read",
    scope: "own",
    send: get(() => "/api/history/export"),
  },
  {
    kind: "page",
    name: "/historique",
    resource: "history",
    action: "read",
    scope: "own",
    pageForbidden: 200,
    send: get(() => "/historique"),
  },
  { kind: "page", name: "/alertes", resource: "history", action: "read", scope: "own", pageForbidden: 200, send: get(() => "/alertes") },
  // Consent ("Gestion des accès"): the page is the signed-in patient's own; a receipt is named by id.
  { kind: "page", name: "/acces", resource: "consent", action: "manage", scope: "own", pageForbidden: 200, send: get(() => "/acces") },
  {
    kind: "route",
    name: "GET /api/consent/receipts/:id",
    resource: "consent",
    action: "read",
    scope: "patient",
    // Someone else's receipt is not found, like one that does not exist: its id reveals nothing.
    differs: {
      otherPatient: 404,
      proGranted: 404,
      proExpired: 404,
      proRevoked: 404,
      proBlocked: 404,
      proWithout: 404,
      emergency: 404,
      support: 404,
      curator: 404,
      admin: 404,
    },
    send: get(() => `/api/consent/receipts/${fx.receiptId}`),
  },
];

function expectedFor(entry: EntryPoint, role: Role): Outcome {
  if (entry.differs && role in entry.differs) return entry.differs[role]!;
  if (entry.scope === "own" && role !== "owner" && role !== "halfOwner") return OWN_SPACE[role];
  return ACCESS_MATRIX[entry.resource][entry.action][role];
}

/** What the answer must look like: an HTTP status, or for a page without a full session, where it sends. */
function expectAnswer(entry: EntryPoint, role: Role, expected: Outcome, response: APIResponse) {
  if (entry.kind === "page" && expected === 401) {
    expect(response.status()).toBe(307);
    expect(response.headers().location).toMatch(role === "halfOwner" ? /^\/connexion\/second-facteur/ : /^\/connexion\?callbackUrl=/);
  } else if (entry.kind === "page") {
    expect(response.status()).toBe(expected === "ok" ? 200 : expected === 403 ? (entry.pageForbidden ?? 403) : expected);
  } else if (expected === "ok") {
    expect(response.status()).toBeLessThan(300);
  } else {
    expect(response.status()).toBe(expected);
  }
}

async function ownerSpace() {
  const db = e2eDb();
  const [documents, history] = await Promise.all([
    db.document.findMany({
      where: { ownerId: fx.owner.id },
      orderBy: { id: "asc" },
      select: { id: true, title: true, note: true, category: true, hiddenFromProfessionals: true, pinned: true, deletedAt: true },
    }),
    db.historyEntry.count({ where: { patientId: fx.owner.id } }),
  ]);
  return { documents: documents.filter((document) => !document.title.startsWith("À effacer")), history };
}

for (const entry of ENTRY_POINTS) {
  cell.describe(`${entry.kind} ${entry.name} (${entry.resource} · ${entry.action})`, () => {
    for (const role of ROLE_KEYS) {
      const expected = expectedFor(entry, role);
      cell(`${role} → ${expected}`, async () => {
        const call = { request: fx.requests[role], role };
        const before = await ownerSpace();
        const response = await entry.send(call);
        const body = await response.text();
        const after = await ownerSpace();
        if (expected === "ok" && entry.undo) await entry.undo(call);

        expectAnswer(entry, role, expected, response);
        // Nobody but the owner ever gets the hidden document; a refusal, or someone's own space, holds no title of the owner's.
        if (role !== "owner") expect(body).not.toContain(TITLES.hidden);
        if (expected !== "ok" || (entry.scope === "own" && role !== "owner")) {
          for (const title of Object.values(TITLES)) expect(body).not.toContain(title);
          expect(after).toEqual(before);
        } else if (entry.shows) {
          expect(body).toContain(TITLES[entry.shows]);
        }
        if (role === "proGranted") expect(body).not.toContain(TITLES.prescription);
      });
    }
  });
}

test.describe("staff and forged role fields", () => {
  for (const role of ["support", "curator", "admin"] as const) {
    cell(`${role}: a payload claiming the patient's role or ownership is refused and changes nothing`, async () => {
      const request = fx.requests[role];
      const forged = { roles: ["PATIENT"], ownerId: fx.owner.id, userId: fx.owner.id };
      const before = await ownerSpace();
      const answers = [
        await request.patch(`/api/documents/${id("lab")}`, { data: { title: "Volé", ...forged }, headers: ORIGIN }),
        await request.patch(`/api/documents/${id("hidden")}`, { data: { hiddenFromProfessionals: false, ...forged }, headers: ORIGIN }),
        await request.post("/api/documents/bulk", { data: { action: "bin", ids: [id("lab")], ...forged }, headers: ORIGIN }),
        await request.post(`/api/documents/${id("lab")}/report`, { data: { reason: "OTHER", ...forged }, headers: ORIGIN }),
        await request.post(`/api/pro/patients/${fx.owner.id}/emergency`, {
          data: { reason: "Je suis le patient, laissez-moi voir", ...forged },
          headers: ORIGIN,
        }),
        await request.get(`/api/documents?ownerId=${fx.owner.id}&roles=PATIENT`),
        await request.get(`/api/history?patientId=${fx.owner.id}&roles=PATIENT`),
        await upload(request, "Volé", { patient: fx.owner.id }),
      ];
      for (const response of answers) {
        expect([400, 403, 404], `${response.url()} → ${response.status()}`).toContain(response.status());
        const body = await response.text();
        for (const title of Object.values(TITLES)) expect(body).not.toContain(title);
      }
      expect(await ownerSpace()).toEqual(before);
    });
  }
});

// Not covered here yet: the /espace pin server action (its service, setDocumentPinned, is covered
// cell by cell in access-matrix.test.ts). The staff actions below are replayed the way the client
// calls them, which does reach defineAction (each replay has an allowed control).

/* ------------------------------------------------------------------------------------------------
 * The staff pages and routes (issue 7). Each opens to its staff role only; none serves health data.
 * ---------------------------------------------------------------------------------------------- */

type StaffEntry = { kind: "page" | "route"; name: string; path: () => string; openers: Role[] };
const STAFF_ENTRY_POINTS: StaffEntry[] = [
  { kind: "page", name: "/admin", path: () => "/admin", openers: ["support", "curator", "admin"] },
  { kind: "page", name: "/admin/comptes", path: () => "/admin/comptes", openers: ["support"] },
  { kind: "page", name: "/admin/comptes/:id", path: () => `/admin/comptes/${fx.owner.id}`, openers: ["support"] },
  { kind: "page", name: "/admin/tickets", path: () => "/admin/tickets", openers: ["support"] },
  { kind: "page", name: "/admin/tickets/:id", path: () => `/admin/tickets/${fx.ticketId}`, openers: ["support"] },
  { kind: "page", name: "/admin/catalogue", path: () => "/admin/catalogue", openers: ["curator"] },
  { kind: "page", name: "/admin/catalogue/:id", path: () => `/admin/catalogue/${fx.appId}`, openers: ["curator"] },
  { kind: "page", name: "/admin/roles", path: () => "/admin/roles", openers: ["admin"] },
  { kind: "page", name: "/admin/tableau-de-bord", path: () => "/admin/tableau-de-bord", openers: ["admin"] },
  { kind: "page", name: "/admin/journal", path: () => "/admin/journal", openers: ["admin"] },
  { kind: "route", name: "/api/admin/journal/export", path: () => "/api/admin/journal/export", openers: ["admin"] },
];

for (const entry of STAFF_ENTRY_POINTS) {
  const row = staffOnly(entry.openers, entry.kind === "page" ? 404 : 403);
  cell.describe(`staff ${entry.kind} ${entry.name}`, () => {
    for (const role of ROLE_KEYS) {
      cell(`${role} → ${row[role]}`, async () => {
        const response = await fx.requests[role].get(entry.path(), { maxRedirects: 0 });
        const body = await response.text();
        if (row[role] === 401 && entry.kind === "page") {
          expect(response.status()).toBe(307);
          expect(response.headers().location).toMatch(role === "halfOwner" ? /^\/connexion\/second-facteur/ : /^\/connexion\?callbackUrl=/);
        } else {
          expect(response.status()).toBe(row[role] === "ok" ? 200 : row[role]);
        }
        // Staff pages are metadata only: the owner's document titles appear on none of them, allowed or not.
        for (const title of Object.values(TITLES)) expect(body).not.toContain(title);
      });
    }
  });
}

/** The id Next.js gave a server action in this build, and a page whose worker holds it. */
function serverAction(file: string, exportedName: string, params: Record<string, string> = {}): { id: string; page: string } | null {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  const found = Object.entries(manifest.node).find(([, action]) => action.filename === file && action.exportedName === exportedName);
  const worker = found && Object.keys(found[1].workers).find((key) => key.startsWith("app/admin/"));
  if (!found || !worker) return null;
  const page = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\[(\w+)\]/g, (_, key: string) => params[key] ?? key);
  return { id: found[0], page: page || "/" };
}

/**
 * Calls a server action as the client does (React's reply encoding of `(previousState, fields)`):
 * what a forged request holding a valid action id would send.
 */
async function replayAction(request: APIRequestContext, action: { id: string; page: string }, fields: Record<string, unknown>) {
  const response = await request.post(action.page, {
    headers: { ...ORIGIN, "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([null, fields]),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

const REASON = "Motif de la matrice d'autorisation";

type StaffActionCase = {
  area: string;
  file: string;
  exportedName: string;
  params?: () => Record<string, string>;
  openers: Role[];
  fields: () => Record<string, unknown>;
  /** What the action would change, read from the database. */
  state: () => Promise<unknown>;
};

const STAFF_ACTIONS: StaffActionCase[] = [
  {
    area: "roles",
    file: "app/admin/roles/actions.ts",
    exportedName: "changeStaffRoleAction",
    openers: ["admin"],
    fields: () => ({ targetUserId: fx.owner.id, role: "ADMIN", change: "grant", reason: REASON }),
    state: async () => (await e2eDb().user.findUniqueOrThrow({ where: { id: fx.owner.id }, select: { roles: true } })).roles,
  },
  {
    area: "journal",
    file: "app/admin/journal/actions.ts",
    exportedName: "checkHistoryChainsAction",
    openers: ["admin"],
    fields: () => ({}),
    state: async () => {
      const ids = Object.values(fx.accounts).map((account) => account!.id);
      return [
        await e2eDb().historyChainCheck.count({ where: { requestedById: { in: ids } } }),
        await e2eDb().staffAuditEntry.count({ where: { action: "HISTORY_CHAINS_VERIFIED", actorId: { in: ids } } }),
      ];
    },
  },
  {
    area: "accounts",
    file: "app/admin/comptes/[id]/actions.ts",
    exportedName: "disableAccountAction",
    params: () => ({ id: fx.owner.id }),
    openers: ["support"],
    fields: () => ({ userId: fx.owner.id, reason: REASON }),
    state: async () => (await e2eDb().user.findUniqueOrThrow({ where: { id: fx.owner.id }, select: { status: true } })).status,
  },
  {
    area: "tickets",
    file: "app/admin/tickets/actions.ts",
    exportedName: "setTicketClosedAction",
    params: () => ({ id: fx.ticketId }),
    openers: ["support"],
    fields: () => ({ ticketId: fx.ticketId, closed: "true" }),
    state: async () => (await e2eDb().supportTicket.findUniqueOrThrow({ where: { id: fx.ticketId }, select: { status: true } })).status,
  },
  {
    area: "catalogue",
    file: "app/admin/catalogue/actions.ts",
    exportedName: "decideAppStatusAction",
    params: () => ({ id: fx.appId }),
    openers: ["curator"],
    fields: () => ({ appId: fx.appId, decision: "refuse", reason: REASON }),
    state: async () => (await e2eDb().catalogApp.findUniqueOrThrow({ where: { id: fx.appId }, select: { status: true } })).status,
  },
  {
    area: "catalogue",
    file: "app/admin/catalogue/actions.ts",
    exportedName: "registerClientAction",
    params: () => ({ id: fx.appId }),
    openers: ["curator"],
    fields: () => ({ appId: fx.appId, type: "CONFIDENTIAL", redirectUris: "https://attaquant.example/cb" }),
    state: () => e2eDb().oAuthClient.count({ where: { appId: fx.appId } }),
  },
  {
    area: "catalogue",
    file: "app/admin/catalogue/actions.ts",
    exportedName: "revokeClientAction",
    params: () => ({ id: fx.appId }),
    openers: ["curator"],
    fields: () => ({ appId: fx.appId, clientId: fx.clientId }),
    state: async () => (await e2eDb().oAuthClient.findUniqueOrThrow({ where: { id: fx.clientId }, select: { revokedAt: true } })).revokedAt,
  },
];

test.describe("staff server actions replayed by the wrong role", () => {
  for (const action of STAFF_ACTIONS) {
    cell(`${action.area}: ${action.exportedName} refused to every role but ${action.openers.join(", ")}, and nothing changed`, async () => {
      const located = serverAction(action.file, action.exportedName, action.params?.());
      expect(located, `${action.file}#${action.exportedName} is in the build's action manifest`).not.toBeNull();
      const before = await action.state();
      for (const role of ROLE_KEYS.filter((key) => !action.openers.includes(key))) {
        const { status, body } = await replayAction(fx.requests[role], located!, action.fields());
        expect(status, `${role}`).toBeLessThan(500);
        expect(body, `${role}`).toMatch(/"ok":false/);
        expect(body, `${role}`).toMatch(role === "anonymous" || role === "halfOwner" ? /"code":"UNAUTHENTICATED"/ : /"code":"FORBIDDEN"/);
        for (const title of Object.values(TITLES)) expect(body).not.toContain(title);
        expect(await action.state(), `${role}`).toEqual(before);
      }
    });
  }

  cell(
    "the replay reaches the action: the admin, allowed, gives a role that way (then takes it back), but not on an old sign-in",
    async () => {
      const target = await createAccount();
      const located = serverAction("app/admin/roles/actions.ts", "changeStaffRoleAction")!;
      const admin = fx.accounts.admin!;
      // Signed in an hour ago: role changes need a recent proof of identity, and nothing changes without it.
      await e2eDb().session.updateMany({ where: { userId: admin.id }, data: { authenticatedAt: new Date(Date.now() - 60 * 60_000) } });
      const stale = await replayAction(fx.requests.admin, located, {
        targetUserId: target.id,
        role: "CURATOR",
        change: "grant",
        reason: REASON,
      });
      expect(stale.body).toMatch(/"code":"REAUTHENTICATION_REQUIRED"/);
      expect((await e2eDb().user.findUniqueOrThrow({ where: { id: target.id }, select: { roles: true } })).roles).toEqual(["PATIENT"]);
      // The same session, just after confirming its identity.
      await e2eDb().session.updateMany({ where: { userId: admin.id }, data: { authenticatedAt: new Date() } });
      const granted = await replayAction(fx.requests.admin, located, {
        targetUserId: target.id,
        role: "CURATOR",
        change: "grant",
        reason: REASON,
      });
      expect(granted.body).toMatch(/"ok":true/);
      expect((await e2eDb().user.findUniqueOrThrow({ where: { id: target.id }, select: { roles: true } })).roles).toEqual([
        "PATIENT",
        "CURATOR",
      ]);
      const revoked = await replayAction(fx.requests.admin, located, {
        targetUserId: target.id,
        role: "CURATOR",
        change: "revoke",
        reason: REASON,
      });
      expect(revoked.body).toMatch(/"ok":true/);
    },
  );

  cell("a support agent's forged role fields grant nothing", async () => {
    const support = fx.accounts.support!;
    const request = fx.requests.support;
    const forged = {
      roles: ["ADMIN", "CURATOR", "PATIENT"],
      role: "ADMIN",
      actorRole: "ADMIN",
      actorId: fx.accounts.admin!.id,
      userId: support.id,
    };
    const roles = serverAction("app/admin/roles/actions.ts", "changeStaffRoleAction")!;
    const selfGrant = await replayAction(request, roles, { targetUserId: support.id, change: "grant", reason: REASON, ...forged });
    expect(selfGrant.body).toMatch(/"code":"FORBIDDEN"/);
    const decide = serverAction("app/admin/catalogue/actions.ts", "decideAppStatusAction", { id: fx.appId });
    if (decide)
      expect((await replayAction(request, decide, { appId: fx.appId, decision: "list", reason: REASON, ...forged })).body).toMatch(
        /"code":"FORBIDDEN"/,
      );
    expect((await request.get("/admin/roles?roles=ADMIN&role=ADMIN", { maxRedirects: 0 })).status()).toBe(404);
    expect((await request.get("/admin/journal?roles=ADMIN", { maxRedirects: 0 })).status()).toBe(404);
    expect((await request.get("/api/admin/journal/export?roles=ADMIN&role=ADMIN")).status()).toBe(403);
    expect((await e2eDb().user.findUniqueOrThrow({ where: { id: support.id }, select: { roles: true } })).roles).toEqual(["SUPPORT"]);
    expect((await e2eDb().catalogApp.findUniqueOrThrow({ where: { id: fx.appId }, select: { status: true } })).status).toBe("SUBMITTED");
  });
});

test.describe("no health content for staff, through any door", () => {
  for (const role of ROLE_KEYS) {
    cell(`${role}: the FHIR API with a session cookie and no token → 401, no data`, async () => {
      for (const path of [
        "/api/fhir/Patient",
        `/api/fhir/DocumentReference?patient=${fx.owner.id}`,
        `/api/fhir/DocumentReference/${id("lab")}`,
      ]) {
        const response = await fx.requests[role].get(path);
        expect(response.status(), path).toBe(401);
        const body = await response.text();
        for (const title of Object.values(TITLES)) expect(body).not.toContain(title);
        expect(body).not.toContain(fx.owner.email);
      }
    });
  }

  cell("a support agent's account and ticket pages of a patient with documents hold no document title", async () => {
    const request = fx.requests.support;
    const account = await request.get(`/admin/comptes/${fx.owner.id}`);
    expect(account.status()).toBe(200);
    const ticket = await request.get(`/admin/tickets/${fx.ticketId}`);
    expect(ticket.status()).toBe(200);
    for (const body of [await account.text(), await ticket.text()])
      for (const title of Object.values(TITLES)) expect(body).not.toContain(title);

    // The demo patient, whose documents other specs read as the patient.
    const demo = await e2eDb().user.findUniqueOrThrow({ where: { email: "patient@demo.espace-sante.test" }, select: { id: true } });
    const titles = (await e2eDb().document.findMany({ where: { ownerId: demo.id }, select: { title: true } })).map(
      (document) => document.title,
    );
    expect(titles.length).toBeGreaterThan(0);
    const demoPage = await request.get(`/admin/comptes/${demo.id}`);
    expect(demoPage.status()).toBe(200);
    const html = await demoPage.text();
    for (const title of titles) expect(html).not.toContain(title);
  });

  for (const role of ["support", "curator", "admin"] as const) {
    cell(`${role}: the patient's own-space pages of apps and measurements show nothing of the owner`, async () => {
      for (const path of ["/mesures", "/services-connectes"]) {
        const response = await fx.requests[role].get(path, { maxRedirects: 0 });
        expect([200, 403, 404], path).toContain(response.status());
        const body = await response.text();
        for (const title of Object.values(TITLES)) expect(body).not.toContain(title);
        expect(body).not.toContain(fx.owner.email);
      }
    });
  }
});
