import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/client";
import { registerClientSchema } from "@/lib/catalogue/oauth-client-schemas";
import { AppError } from "@/lib/server/errors";
import { authenticateClient } from "@/lib/server/oauth/authenticate-client";
import { hashOpaqueToken, newOpaqueToken } from "@/lib/server/oauth/opaque-token";
import { verifyAccessToken } from "@/lib/server/oauth/verify-access-token";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { newCatalogApp } from "@/lib/testing/catalogue-fixtures";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { registerOAuthClient, revokeOAuthClient } from "./oauth-clients";

describe("OAuth clients registered by curators", () => {
  const db = useTestDb();

  async function staffOf(role: Role): Promise<StaffActor> {
    const user = await db.user.create({
      data: { email: `clients-${randomUUID()}@test.local`, firstName: "Inès", lastName: "Garnier", roles: [role], status: "ACTIVE" },
      select: { id: true },
    });
    return {
      userId: user.id,
      role,
      label: "Inès Garnier",
      actor: { userId: user.id, roles: [role], stage: "FULL", hasConfirmedFactor: true },
    };
  }
  const newApp = () => newCatalogApp(db, { name: "Appli Clients", requestedScopes: ["patient/Patient.r"] });
  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    return promise.then(
      () => {
        throw new Error("expected a refusal");
      },
      (error: unknown) => {
        if (error instanceof AppError) return error;
        // zod's own error: a field refused at the boundary.
        return new AppError("BAD_REQUEST", "validation", { cause: error });
      },
    );
  }

  it("registers public and confidential clients with exact https redirect URIs; the secret is shown once and kept as a hash", async () => {
    const curator = await staffOf("CURATOR");
    const app = await newApp();
    // Through the form's own schema, as the page posts it: one URI per line, blanks and repeats dropped.
    const form = registerClientSchema.parse({
      appId: app.id,
      type: "CONFIDENTIAL",
      redirectUris: " https://app.example/cb \nhttps://app.example/cb\n\nhttps://app.example/mobile?x=1",
    });
    const confidential = await registerOAuthClient(testCtx(db, { ip: "192.0.2.8" }), { staff: curator, ...form });
    expect(confidential.clientId).toMatch(new RegExp(`^${app.slug}-[0-9a-f]{10}$`));
    expect(confidential.secret).toMatch(/^ens_cs_/);
    const row = await db.oAuthClient.findUniqueOrThrow({
      where: { clientId: confidential.clientId },
      select: { type: true, secretHash: true, redirectUris: true },
    });
    expect(row).toEqual({
      type: "CONFIDENTIAL",
      secretHash: hashOpaqueToken(confidential.secret!),
      redirectUris: ["https://app.example/cb", "https://app.example/mobile?x=1"],
    });
    expect(
      (await authenticateClient(db, { clientId: confidential.clientId, clientSecret: confidential.secret, authorization: null })).clientId,
    ).toBe(confidential.clientId);
    await expect(
      authenticateClient(db, { clientId: confidential.clientId, clientSecret: "ens_cs_wrong", authorization: null }),
    ).rejects.toMatchObject({ error: "invalid_client" });

    const publicClient = await registerOAuthClient(testCtx(db), {
      staff: curator,
      appId: app.id,
      type: "PUBLIC",
      redirectUris: ["https://app.example/cb"],
    });
    expect(publicClient.secret).toBeNull();
    expect((await authenticateClient(db, { clientId: publicClient.clientId, authorization: null })).clientId).toBe(publicClient.clientId);

    const audit = await db.staffAuditEntry.findFirstOrThrow({
      where: { actorId: curator.userId, action: "OAUTH_CLIENT_REGISTERED", targetAppId: app.id },
      orderBy: { createdAt: "asc" },
      select: { details: true, ipAddress: true },
    });
    expect(audit).toEqual({
      details: {
        clientId: confidential.clientId,
        type: "CONFIDENTIAL",
        redirectUris: ["https://app.example/cb", "https://app.example/mobile?x=1"],
      },
      ipAddress: "192.0.2.8",
    });
    expect(JSON.stringify(audit)).not.toContain("ens_cs_");
  });

  it.each([
    [["http://app.example/cb"]],
    [["https://app.example/cb#fragment"]],
    [["https://user:pass@app.example/cb"]],
    [["app.example/cb"]],
    [["javascript:alert(1)"]],
    [["https://app.example/cb", "https://APP.example/../cb"]],
    [[]],
    [Array.from({ length: 6 }, (_, i) => `https://app.example/${i}`)],
  ])("refuses the redirect URIs %j and registers nothing", async (redirectUris) => {
    const curator = await staffOf("CURATOR");
    const app = await newApp();
    expect((await refusal(registerOAuthClient(testCtx(db), { staff: curator, appId: app.id, type: "PUBLIC", redirectUris }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(await db.oAuthClient.count({ where: { appId: app.id } })).toBe(0);
  });

  it("revoking a client ends its tokens at once and it can no longer authenticate; only curators may", async () => {
    const curator = await staffOf("CURATOR");
    const app = await newApp();
    const registered = await registerOAuthClient(testCtx(db), {
      staff: curator,
      appId: app.id,
      type: "PUBLIC",
      redirectUris: ["https://app.example/cb"],
    });
    const client = await db.oAuthClient.findUniqueOrThrow({ where: { clientId: registered.clientId }, select: { id: true } });
    const patient = await db.user.create({
      data: { email: `clients-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", roles: ["PATIENT"], status: "ACTIVE" },
      select: { id: true },
    });
    const connection = await db.appConnection.create({
      data: { patientId: patient.id, appId: app.id, scopes: ["patient/Patient.r"], categories: [] },
      select: { id: true },
    });
    const token = newOpaqueToken("access");
    await db.oAuthToken.create({
      data: {
        tokenHash: hashOpaqueToken(token),
        kind: "ACCESS",
        clientId: client.id,
        connectionId: connection.id,
        scopes: ["patient/Patient.r"],
        familyId: randomUUID(),
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    expect((await verifyAccessToken(testCtx(db), { authorization: `Bearer ${token}` })).patientId).toBe(patient.id);

    const support = await staffOf("SUPPORT");
    expect((await refusal(revokeOAuthClient(testCtx(db), { staff: support, appId: app.id, clientId: client.id }))).code).toBe("FORBIDDEN");
    expect(
      (
        await refusal(
          registerOAuthClient(testCtx(db), { staff: support, appId: app.id, type: "PUBLIC", redirectUris: ["https://app.example/cb"] }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    // Another app's id does not reach this client.
    const other = await newApp();
    expect((await refusal(revokeOAuthClient(testCtx(db), { staff: curator, appId: other.id, clientId: client.id }))).code).toBe(
      "NOT_FOUND",
    );

    expect(await revokeOAuthClient(testCtx(db), { staff: curator, appId: app.id, clientId: client.id })).toEqual({ revokedTokens: 1 });
    await expect(verifyAccessToken(testCtx(db), { authorization: `Bearer ${token}` })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticateClient(db, { clientId: registered.clientId, authorization: null })).rejects.toMatchObject({
      error: "invalid_client",
    });
    // The patient's consent was to the app: the connection stays.
    expect((await db.appConnection.findUniqueOrThrow({ where: { id: connection.id }, select: { revokedAt: true } })).revokedAt).toBeNull();
    expect(await revokeOAuthClient(testCtx(db), { staff: curator, appId: app.id, clientId: client.id })).toEqual({ revokedTokens: 0 });
    expect(await db.staffAuditEntry.count({ where: { actorId: curator.userId, action: "OAUTH_CLIENT_REVOKED" } })).toBe(1);
  });
});
