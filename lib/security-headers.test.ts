import { describe, expect, it } from "vitest";
import { baselineHeaders, contentSecurityPolicy } from "./security-headers.js";

describe("security headers", () => {
  it("sends HSTS in production only", () => {
    expect(baselineHeaders({ production: true })["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(baselineHeaders({ production: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("allows eval only for the development server, and upgrades requests in production", () => {
    expect(contentSecurityPolicy({ nonce: "n", production: false, development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", production: true })).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", production: true })).toContain("upgrade-insecure-requests");
  });

  it("lets same-origin workers run (the PDF preview) and no others", () => {
    const policy = contentSecurityPolicy({ nonce: "n", production: true });
    expect(policy).toContain("worker-src 'self'");
    expect(policy).not.toMatch(/worker-src[^;]*(blob:|data:|\*)/);
  });

  it("lets forms post only to the app itself, except on the OAuth consent page, whose answer redirects to an https app", () => {
    expect(contentSecurityPolicy({ nonce: "n", production: true })).toContain("form-action 'self';");
    expect(contentSecurityPolicy({ nonce: "n", production: true, formToExternalRedirect: true })).toContain("form-action 'self' https:;");
  });
});
