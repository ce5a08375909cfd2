import "server-only";
import type { Db } from "@/lib/server/db";

/** The account's security history for its "Sécurité" page, newest first. */
export function listSecurityEvents(db: Pick<Db, "securityEvent">, { userId, take = 50 }: { userId: string; take?: number }) {
  return db.securityEvent.findMany({
    where: { userId },
    select: { id: true, kind: true, createdAt: true, ipAddress: true, userAgent: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}
