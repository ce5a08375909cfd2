import "server-only";
import { notFound } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/client";
import { requireFullSession, requireFullSessionForPage, type CurrentSession } from "@/lib/server/auth/current-session";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { actorOf, authorize, can, STAFF_ROLE_OF, type Actor, type Permission } from "@/lib/server/policy/policy";

/** A staff member acting in one role, as the staff audit log names them. */
export type StaffActor = { userId: string; role: Role; label: string; actor: NonNullable<Actor> };

/** The staff member as a page or action sees them: with when their session last proved who they are. */
export type SignedInStaff = StaffActor & { authenticatedAt: Date };

type StaffPermission = "support:accounts" | "support:tickets" | "catalogue:curate" | "admin:roles" | "admin:dashboard" | "admin:audit";

async function staffOf(session: CurrentSession, permission: StaffPermission): Promise<SignedInStaff> {
  const actor = actorOf(session)!;
  authorize(actor, permission);
  const user = await getDb().user.findUnique({ where: { id: actor.userId }, select: { firstName: true, lastName: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  return {
    userId: actor.userId,
    role: STAFF_ROLE_OF[permission as Permission]!,
    label: `${user.firstName} ${user.lastName}`,
    actor,
    authenticatedAt: session.authenticatedAt,
  };
}

/**
 * The first call of every admin page: a full session (two factors, like everyone), then the staff
 * permission the page needs. Anyone else gets the same 404 as an unknown page.
 */
export async function requireStaffForPage(path: string, permission: StaffPermission): Promise<SignedInStaff> {
  const session = await requireFullSessionForPage(path);
  if (!can(actorOf(session), permission)) notFound();
  return staffOf(session, permission);
}

/** For route handlers and server actions: the same rule, as an error (UNAUTHENTICATED / FORBIDDEN). */
export async function requireStaff(permission: StaffPermission): Promise<SignedInStaff> {
  return staffOf(await requireFullSession(), permission);
}

/** Staff roles a person holds, for the admin navigation (display only: pages check for themselves). */
export function staffPermissionsOf(actor: Actor): StaffPermission[] {
  const all: StaffPermission[] = [
    "support:accounts",
    "support:tickets",
    "catalogue:curate",
    "admin:roles",
    "admin:dashboard",
    "admin:audit",
  ];
  return all.filter((permission) => can(actor, permission));
}
