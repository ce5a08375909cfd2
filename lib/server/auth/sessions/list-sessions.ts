import "server-only";
import type { Db } from "@/lib/server/db";

/** The "Sécurité" page's list of signed-in devices, newest activity first; expired ones are left out. */
export async function listActiveSessions(db: Pick<Db, "session">, { userId, now = new Date() }: { userId: string; now?: Date }) {
  return db.session.findMany({
    where: { userId, stage: "FULL", expiresAt: { gt: now } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true },
    orderBy: { lastSeenAt: "desc" },
  });
}
