import "server-only";
import type { AccountStatus, Role } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import { authorize } from "@/lib/server/policy/policy";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { STAFF_ROLES } from "./staff-roles";

export type StaffMember = { id: string; email: string; label: string; status: AccountStatus; roles: Role[] };

/** Everyone holding a staff role, by name. The team is small: one page, bounded anyway. */
export async function listStaffMembers({ db }: Ctx, { staff }: { staff: StaffActor }): Promise<StaffMember[]> {
  authorize(staff.actor, "admin:roles");
  const users = await db.user.findMany({
    where: { roles: { hasSome: [...STAFF_ROLES] } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, email: true, firstName: true, lastName: true, status: true, roles: true },
  });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    label: `${user.firstName} ${user.lastName}`,
    status: user.status,
    roles: user.roles,
  }));
}
