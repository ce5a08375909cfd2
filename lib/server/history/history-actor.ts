import "server-only";
import type { Role } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";
import type { HistoryActor } from "./record-history";

/** The history's view of who acts: the account's name now, and the role this action is taken in. */
export async function historyActorOf(db: Pick<Db, "user">, actor: Actor, role: Role): Promise<HistoryActor> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { firstName: true, lastName: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  return { userId: actor.userId, role, label: `${user.firstName} ${user.lastName}` };
}
