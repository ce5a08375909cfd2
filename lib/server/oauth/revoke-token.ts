import "server-only";
import type { Db } from "@/lib/server/db";
import type { AuthenticatedClient } from "./authenticate-client";
import { revokeFamily } from "./issue-tokens";
import { hashOpaqueToken } from "./opaque-token";

/**
 * RFC 7009: the client gives up a token. A refresh token takes its whole family with it (the access
 * tokens issued alongside included); an access token goes alone. A token that is unknown, already
 * revoked or another client's changes nothing, and the answer is the same (§2.2), so nothing can be
 * learnt by probing.
 */
export async function revokeToken(
  db: Db,
  { client, token, now = new Date() }: { client: AuthenticatedClient; token: string; now?: Date },
): Promise<void> {
  const row = await db.oAuthToken.findUnique({
    where: { tokenHash: hashOpaqueToken(token) },
    select: { id: true, kind: true, clientId: true, familyId: true },
  });
  if (!row || row.clientId !== client.id) return;
  if (row.kind === "REFRESH") await revokeFamily(db, { familyId: row.familyId }, now);
  else await db.oAuthToken.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: now } });
}
