import "server-only";
import type { Db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/policy/policy";
import { authorize } from "@/lib/server/policy/policy";

/**
 * The owner's latest documents (metadata only). The vault issue grows this into the full list with
 * filters and keyset pagination; the authorization call is already where the data is read.
 */
export async function listRecentDocuments(
  db: Pick<Db, "document">,
  { actor, ownerId, take = 10 }: { actor: Actor; ownerId: string; take?: number },
) {
  authorize(actor, "health:read-own", { ownerId });
  return db.document.findMany({
    where: { ownerId, deletedAt: null },
    orderBy: [{ pinned: "desc" }, { documentDate: "desc" }, { id: "desc" }],
    take,
    select: { id: true, title: true, category: true, documentDate: true, pinned: true },
  });
}
