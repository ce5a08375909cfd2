import "server-only";
import type { Db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/policy/policy";

/**
 * The header badge: how many of the signed-in person's own alerts are unread. Counts only the actor's
 * own rows, so it needs no other check; 0 without a full session.
 */
export async function countUnreadAlerts(db: Pick<Db, "notification">, actor: Actor | null): Promise<number> {
  if (!actor || actor.stage !== "FULL") return 0;
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}
