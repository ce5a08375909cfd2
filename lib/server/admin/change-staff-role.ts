import "server-only";
import type { AccountStatus, Role } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { recordSecurityEvent } from "@/lib/server/auth/record-security-event";
import { authorize } from "@/lib/server/policy/policy";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import type { StaffRole } from "./staff-roles";

export type StaffRoleChange = { targetUserId: string; role: StaffRole; grant: boolean; reason: string };

const refuse = (code: "FORBIDDEN" | "CONFLICT" | "NOT_FOUND", key: string) =>
  new AppError(code, `Staff role change refused: ${key}.`, { messageKey: `staff.roles.errors.${key}` });

/**
 * Gives or withdraws a staff role, with the reason, in one transaction: the account's roles, its
 * security event (the person sees it on their Sécurité page) and the staff audit entry. Roles are
 * read from the account on every request (validateSession), so a withdrawal applies to the very
 * next request and no session needs ending.
 *
 * The rules hold whatever the form sent: the target is compared with the signed-in actor, never with
 * a field of the payload; the last active admin keeps the role; a role goes only to an active account
 * that already signs in with two factors, as staff must.
 */
export async function changeStaffRole(
  { db, ip }: Ctx,
  { staff, change }: { staff: StaffActor; change: StaffRoleChange },
): Promise<{ roles: Role[] }> {
  authorize(staff.actor, "admin:roles");
  if (change.targetUserId === staff.userId) throw refuse("FORBIDDEN", "self");

  return db.$transaction(async (tx) => {
    // Row locks make two admins withdrawing each other at once wait for one another (or one of them
    // fail), so the count of the remaining admins below is never read stale.
    if (!change.grant && change.role === "ADMIN") {
      await tx.$queryRaw`SELECT id FROM "User" WHERE 'ADMIN'::"Role" = ANY(roles) ORDER BY id FOR UPDATE`;
    }
    const locked = await tx.$queryRaw<{ id: string; status: AccountStatus; roles: Role[]; firstName: string; lastName: string }[]>`
      SELECT id, status::text AS status, roles::text[] AS roles, "firstName", "lastName" FROM "User" WHERE id = ${change.targetUserId}::uuid FOR UPDATE`;
    const target = locked[0];
    if (!target) throw refuse("NOT_FOUND", "notFound");
    const holds = target.roles.includes(change.role);

    if (change.grant) {
      if (holds) throw refuse("CONFLICT", "alreadyHeld");
      if (target.status !== "ACTIVE") throw refuse("CONFLICT", "notActive");
      const factors = await tx.authFactor.count({ where: { userId: target.id, confirmedAt: { not: null } } });
      if (factors === 0) throw refuse("CONFLICT", "noFactor");
    } else {
      if (!holds) throw refuse("CONFLICT", "notHeld");
      if (change.role === "ADMIN") {
        const otherAdmins = await tx.user.count({ where: { id: { not: target.id }, roles: { has: "ADMIN" }, status: "ACTIVE" } });
        if (otherAdmins === 0) throw refuse("CONFLICT", "lastAdmin");
      }
    }

    const roles = change.grant ? [...target.roles, change.role] : target.roles.filter((role) => role !== change.role);
    await tx.user.update({ where: { id: target.id }, data: { roles: { set: roles } }, select: { id: true } });
    const kind = change.grant ? "ROLE_GRANTED" : "ROLE_REVOKED";
    await recordSecurityEvent(tx, { userId: target.id, kind, context: { ip } });
    await recordStaffAction(tx, {
      staff,
      action: kind,
      target: { userId: target.id, label: `${target.firstName} ${target.lastName}` },
      reason: change.reason,
      details: { role: change.role },
      ipAddress: ip,
    });
    return { roles };
  });
}
