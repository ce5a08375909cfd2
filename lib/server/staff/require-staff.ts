import "server-only";
import { notFound } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/client";
import { requireFullSession, requireFullSessionForPage, type CurrentSession } from "@/lib/server/auth/current-session";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { getDb, type Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { actorOf, authorize, can, STAFF_ROLE_OF, type Actor, type Permission } from "@/lib/server/policy/policy";

/** A staff member acting in one role, as the staff audit log names them. */
export type StaffActor = { userId: string; role: Role; label: string; actor: Actor };

/** The staff member as a page or action sees them: with when their session last proved who they are. */
export type SignedInStaff = StaffActor & { authenticatedAt: Date };

type StaffPermission = "support:accounts" | "support:tickets" | "catalogue:curate" | "admin:roles" | "admin:dashboard" | "admin:audit";

async function staffActorOf(db: Pick<Db, "user">, actor: Actor, permission: StaffPermission): Promise<StaffActor> {
  authorize(actor, permission);
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { firstName: true, lastName: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  return { userId: actor.userId, role: STAFF_ROLE_OF[permission as Permission]!, label: `${user.firstName} ${user.lastName}`, actor };
}

async function staffOf(session: CurrentSession, permission: StaffPermission): Promise<SignedInStaff> {
  const staff = await staffActorOf(getDb(), actorOf(session)!, permission);
  return { ...staff, authenticatedAt: session.authenticatedAt };
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

/**
 * For a route whose wrapper has already checked the session (jsonRoute): the staff member behind the
 * request's context, or FORBIDDEN, without reading the session a second time.
 */
export async function requireStaffIn({ db, actor }: SignedInCtx, permission: StaffPermission): Promise<StaffActor> {
  return staffActorOf(db, actor, permission);
}

/** Staff roles a person holds, for the admin navigation (display only: pages check for themselves). */
export function staffPermissionsOf(actor: Actor | null): StaffPermission[] {
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
