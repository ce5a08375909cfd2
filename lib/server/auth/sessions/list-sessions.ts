import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";

/** The "Sécurité" page's list of the signed-in person's own devices, newest activity first; expired ones are left out. */
export async function listActiveSessions({ db, actor, now }: SignedInCtx) {
  return db.session.findMany({
    where: { userId: actor.userId, stage: "FULL", expiresAt: { gt: now() } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true },
    orderBy: { lastSeenAt: "desc" },
  });
}
