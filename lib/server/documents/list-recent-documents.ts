import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { authorize } from "@/lib/server/policy/policy";

/**
 * The owner's latest documents (metadata only). The vault issue grows this into the full list with
 * filters and keyset pagination; the authorization call is already where the data is read.
 */
export async function listRecentDocuments({ db, actor }: SignedInCtx, { ownerId, take = 10 }: { ownerId: string; take?: number }) {
  authorize(actor, "health:read-own", { ownerId });
  return db.document.findMany({
    where: { ownerId, deletedAt: null },
    orderBy: [{ pinned: "desc" }, { documentDate: "desc" }, { id: "desc" }],
    take,
    select: { id: true, title: true, category: true, documentDate: true, pinned: true },
  });
}
