import "server-only";
import { randomBytes } from "node:crypto";
import { oauthClientSchema, revokeClientSchema, type OAuthClientInput } from "@/lib/catalogue/oauth-client-schemas";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { hashOpaqueToken, newOpaqueToken } from "@/lib/server/oauth/opaque-token";
import { authorize } from "@/lib/server/policy/policy";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";

/** What the curator is shown once: a confidential client's secret exists nowhere else, only its hash. */
export type RegisteredClient = { clientId: string; type: "PUBLIC" | "CONFIDENTIAL"; secret: string | null };

/**
 * A curator registers an OAuth client for a catalogue app: its public identifier (the app's slug and
 * a random suffix), its type, and the exact redirect URIs the authorization server will accept. A
 * confidential client gets a secret, returned this once and stored as its SHA-256. Recorded in the
 * staff log with the app.
 */
export async function registerOAuthClient(
  { db, ip }: Ctx,
  { staff, ...input }: OAuthClientInput & { staff: StaffActor },
): Promise<RegisteredClient> {
  authorize(staff.actor, "catalogue:curate");
  const { appId, type, redirectUris } = oauthClientSchema.parse(input);
  const app = await db.catalogApp.findUnique({ where: { id: appId }, select: { id: true, slug: true, name: true } });
  if (!app) throw new AppError("NOT_FOUND", "Catalogue app not found for a client.");
  const clientId = `${app.slug}-${randomBytes(5).toString("hex")}`;
  const secret = type === "CONFIDENTIAL" ? newOpaqueToken("secret") : null;
  await db.$transaction(async (tx) => {
    await tx.oAuthClient.create({
      data: { clientId, appId, type, secretHash: secret ? hashOpaqueToken(secret) : null, redirectUris },
      select: { id: true },
    });
    await recordStaffAction(tx, {
      staff,
      action: "OAUTH_CLIENT_REGISTERED",
      target: { appId, label: app.name },
      details: { clientId, type, redirectUris },
      ipAddress: ip,
    });
  });
  return { clientId, type, secret };
}

/**
 * Revokes a client (a leaked secret, an abandoned app version): the client can no longer authenticate
 * or be authorized, and every token it holds ends at once. The patients' connections to the app stay:
 * their consent was given to the app, which may reach them through another client.
 */
export async function revokeOAuthClient(
  { db, ip, now: clock }: Ctx,
  { staff, ...input }: { staff: StaffActor; appId: string; clientId: string },
): Promise<{ revokedTokens: number }> {
  authorize(staff.actor, "catalogue:curate");
  const { appId, clientId } = revokeClientSchema.parse(input);
  return db.$transaction(async (tx) => {
    const client = await tx.oAuthClient.findFirst({
      where: { id: clientId, appId },
      select: { id: true, clientId: true, revokedAt: true, app: { select: { name: true } } },
    });
    if (!client) throw new AppError("NOT_FOUND", "OAuth client not found.");
    if (client.revokedAt) return { revokedTokens: 0 };
    const now = clock();
    await tx.oAuthClient.update({ where: { id: client.id }, data: { revokedAt: now }, select: { id: true } });
    const { count } = await tx.oAuthToken.updateMany({ where: { clientId: client.id, revokedAt: null }, data: { revokedAt: now } });
    await recordStaffAction(tx, {
      staff,
      action: "OAUTH_CLIENT_REVOKED",
      target: { appId, label: client.app.name },
      details: { clientId: client.clientId, revokedTokens: count },
      ipAddress: ip,
    });
    return { revokedTokens: count };
  });
}
