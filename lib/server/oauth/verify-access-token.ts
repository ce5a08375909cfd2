import "server-only";
import type { DocumentCategory } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { hashOpaqueToken } from "./opaque-token";

/** What a valid access token lets an app do: for one patient, through one connection, within its scopes. */
export type AppAccess = {
  tokenId: string;
  clientId: string;
  connectionId: string;
  patientId: string;
  app: { id: string; slug: string; name: string };
  /** The token's scopes (never wider than the connection's). */
  scopes: string[];
  /** The document categories the patient let the app read. */
  categories: DocumentCategory[];
};

/** How often lastUsedAt is written: enough for "last used", without a write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Reads `Authorization: Bearer <token>` and checks, on every call and in the database (so that every
 * instance agrees at once): the token exists, is an access token, unexpired and unrevoked; its client
 * is not revoked; its connection is not revoked; its app is LISTED (a suspended or delisted app's
 * tokens stop working immediately). Throws UNAUTHENTICATED otherwise, with no detail for the caller.
 */
export async function verifyAccessToken(ctx: Ctx, { authorization }: { authorization: string | null }): Promise<AppAccess> {
  const { db } = ctx;
  const now = ctx.now();
  const match = /^Bearer ([A-Za-z0-9_\-.~+/]+=*)$/.exec(authorization?.trim() ?? "");
  if (!match) throw new AppError("UNAUTHENTICATED", "Missing or malformed bearer token.");
  const token = await db.oAuthToken.findUnique({
    where: { tokenHash: hashOpaqueToken(match[1]) },
    select: {
      id: true,
      kind: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      client: { select: { id: true, revokedAt: true } },
      connection: {
        select: {
          id: true,
          patientId: true,
          scopes: true,
          categories: true,
          revokedAt: true,
          lastUsedAt: true,
          app: { select: { id: true, slug: true, name: true, status: true } },
        },
      },
    },
  });
  const connection = token?.connection;
  if (
    !token ||
    !connection ||
    token.kind !== "ACCESS" ||
    token.revokedAt ||
    token.expiresAt <= now ||
    token.client.revokedAt ||
    connection.revokedAt ||
    connection.app.status !== "LISTED"
  ) {
    throw new AppError("UNAUTHENTICATED", "Invalid access token.");
  }
  if (!connection.lastUsedAt || now.getTime() - connection.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.appConnection.updateMany({ where: { id: connection.id }, data: { lastUsedAt: now } });
  }
  return {
    tokenId: token.id,
    clientId: token.client.id,
    connectionId: connection.id,
    patientId: connection.patientId,
    app: { id: connection.app.id, slug: connection.app.slug, name: connection.app.name },
    // A token never carries more than the connection now allows (the patient may have narrowed it).
    scopes: token.scopes.filter((scope) => connection.scopes.includes(scope)),
    categories: connection.categories,
  };
}
