import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";

function expectBaseline(response: APIResponse) {
  const h = response.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  const csp = h["content-security-policy"];
  expect(csp).toBeDefined();
  for (const directive of ["object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "default-src 'self'"]) {
    expect(csp).toContain(directive);
  }
  // Never allow inline scripts wholesale: scripts run only with the per-request nonce or from 'self'.
  expect(csp).not.toContain("'unsafe-inline'");
  return h;
}

test.describe("security headers on every kind of response", () => {
  test("a page: nonce-based CSP that every script on it carries, and no-store", async ({ request }) => {
    const response = await request.get("/");
    expect(response.status()).toBe(200);
    const h = expectBaseline(response);
    expect(h["cache-control"]).toContain("no-store");
    const nonce = /'nonce-([^']+)'/.exec(h["content-security-policy"])?.[1];
    expect(nonce).toBeTruthy();
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);

    // A fresh nonce per response: a nonce seen once is useless to an attacker later.
    const again = (await request.get("/")).headers()["content-security-policy"];
    expect(again).not.toContain(nonce);
  });

  test("an API route", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "up" });
    expect(expectBaseline(response)["cache-control"]).toContain("no-store");
  });

  test("the 404 page", async ({ request }) => {
    const response = await request.get("/nulle-part");
    expect(response.status()).toBe(404);
    expect(expectBaseline(response)["cache-control"]).toContain("no-store");
    expect(await response.text()).not.toMatch(/at \w+ \(|node_modules|\.tsx?:\d+/);
  });

  test("a static asset, served outside the proxy", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const asset = /\/_next\/static\/[^"]+\.(?:js|css)/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    expectBaseline(await request.get(asset!));
  });

  test("a proxy-bypass header (CVE-2025-29927) does not strip them", async ({ request }) => {
    const response = await request.get("/", {
      headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware" },
    });
    expectBaseline(response);
    expect(response.headers()["content-security-policy"]).toContain("'nonce-");
  });
});
