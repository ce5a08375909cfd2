import { createHash } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";

/**
 * The vault's HTTP surface as a client (or an attacker) meets it, against the running production
 * build: what an upload must look like, what a served file's headers promise, and that another
 * patient's ids lead nowhere.
 */

const pngBytes = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const svgBytes = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');

function upload(
  request: APIRequestContext,
  bytes: Buffer,
  {
    fileName = "radio.png",
    origin = E2E_APP_URL,
    title = "Radiographie",
  }: { fileName?: string; origin?: string | null; title?: string } = {},
) {
  return request.post("/api/uploads", {
    data: bytes,
    headers: {
      "Content-Type": "application/octet-stream",
      ...(origin ? { Origin: origin } : {}),
      "X-File-Name": encodeURIComponent(fileName),
      "X-Document-Title": encodeURIComponent(title),
      "X-Document-Category": "IMAGING",
      "X-Document-Date": "2026-03-12",
    },
  });
}

test("a served file is the exact upload, typed by its bytes, sandboxed, never cached or sniffed", async ({ context }) => {
  const patient = await createAccount();
  await signInAs(context, patient);
  const hostileName = "radio\u202Egnp.exe\r\nX-Injected: 1.png";
  const created = await upload(context.request, pngBytes, { fileName: hostileName });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  for (const [query, disposition] of [
    ["", "inline"],
    ["?download=1", "attachment"],
  ] as const) {
    const response = await context.request.get(`/api/documents/${id}/file${query}`);
    expect(response.status()).toBe(200);
    const body = await response.body();
    expect(createHash("sha256").update(body).digest("hex")).toBe(createHash("sha256").update(pngBytes).digest("hex"));
    const h = response.headers();
    expect(h["content-type"]).toBe("image/png");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["cache-control"]).toContain("no-store");
    expect(h["content-security-policy"]).toContain("sandbox");
    expect(h["content-security-policy"]).toContain("default-src 'none'");
    expect(h["x-injected"]).toBeUndefined();
    expect(h["content-disposition"]).toMatch(new RegExp(`^${disposition}; filename="[ -~]*"; filename\\*=UTF-8''`));
    expect(h["content-disposition"]).not.toMatch(/[\r\n\u202E]/);
  }
  const detail = await context.request.get(`/api/documents/${id}`);
  expect(((await detail.json()) as { fileName: string }).fileName).not.toMatch(/[\r\n\u202E]/);
  // The upload, the view and the download are each in the patient's history.
  const history = await e2eDb().historyEntry.findMany({
    where: { patientId: patient.id },
    orderBy: { sequence: "asc" },
    select: { action: true },
  });
  expect(history.map((entry) => entry.action)).toEqual(["DOCUMENT_UPLOADED", "DOCUMENT_VIEWED", "DOCUMENT_DOWNLOADED"]);
});

test("uploads are refused from another origin, or when the bytes are not what the name says, in French", async ({ context }) => {
  const patient = await createAccount();
  await signInAs(context, patient);
  expect((await upload(context.request, pngBytes, { origin: "https://evil.example" })).status()).toBe(403);
  expect((await upload(context.request, pngBytes, { origin: null })).status()).toBe(403);

  const svg = await upload(context.request, svgBytes, { fileName: "radio.png" });
  expect(svg.status()).toBe(415);
  expect(((await svg.json()) as { message: string }).message).toMatch(/ne correspond pas|n'est pas accepté/);

  const list = await context.request.get("/api/documents");
  expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
});

test("another patient's document does not exist for you, by any route; a half session gets 401", async ({ browser }) => {
  const owner = await createAccount();
  const stranger = await createAccount();
  const ownerContext = await browser.newContext({ baseURL: E2E_APP_URL });
  const strangerContext = await browser.newContext({ baseURL: E2E_APP_URL });
  const halfContext = await browser.newContext({ baseURL: E2E_APP_URL });
  await signInAs(ownerContext, owner);
  await signInAs(strangerContext, stranger);
  await signInAs(halfContext, owner, { stage: "PASSWORD_VERIFIED" });
  const { id } = (await (await upload(ownerContext.request, pngBytes, { title: "Radio confidentielle" })).json()) as { id: string };

  const attempts = (request: APIRequestContext) => [
    request.get(`/api/documents/${id}`),
    request.get(`/api/documents/${id}/file`),
    request.get(`/api/documents/${id}/file?download=1`),
    request.patch(`/api/documents/${id}`, { data: { title: "Piraté" }, headers: { Origin: E2E_APP_URL } }),
    request.post(`/api/documents/${id}/bin`, { headers: { Origin: E2E_APP_URL } }),
    request.delete(`/api/documents/${id}`, { headers: { Origin: E2E_APP_URL } }),
    request.post(`/api/documents/${id}/report`, { data: { reason: "OTHER" }, headers: { Origin: E2E_APP_URL } }),
  ];
  for (const response of await Promise.all(attempts(strangerContext.request))) {
    expect(response.status(), response.url()).toBe(404);
    expect(await response.text()).not.toContain("Radio confidentielle");
  }
  for (const response of await Promise.all(attempts(halfContext.request))) expect(response.status(), response.url()).toBe(401);
  const strangerList = (await (await strangerContext.request.get("/api/documents")).json()) as { items: unknown[] };
  expect(strangerList.items).toEqual([]);
  const bulk = await strangerContext.request.post("/api/documents/bulk", {
    data: { action: "bin", ids: [id] },
    headers: { Origin: E2E_APP_URL },
  });
  expect(await bulk.json()).toEqual({ updated: 0 });

  // Untouched, and reachable by its owner.
  const mine = (await (await ownerContext.request.get(`/api/documents/${id}`)).json()) as { title: string; deletedAt: string | null };
  expect(mine).toMatchObject({ title: "Radio confidentielle", deletedAt: null });
  await Promise.all([ownerContext.close(), strangerContext.close(), halfContext.close()]);
});

test("the owner pins a document from the space's home page (the server action really runs)", async ({ page, context }) => {
  const patient = await createAccount();
  await signInAs(context, patient);
  const { id } = (await (await upload(context.request, pngBytes, { title: "Radio à épingler" })).json()) as { id: string };
  await page.goto("/espace");
  await page.getByRole("button", { name: /Radio à épingler/ }).click();
  await expect.poll(async () => (await e2eDb().document.findUniqueOrThrow({ where: { id }, select: { pinned: true } })).pinned).toBe(true);
  await expect(page.getByRole("button", { name: /^Désépingler.*Radio à épingler/ })).toBeVisible();
});
