import "server-only";
import type { AccountStatus, Role } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { authorize } from "@/lib/server/policy/policy";

export type RoleAccount = {
  id: string;
  email: string;
  label: string;
  status: AccountStatus;
  roles: Role[];
  hasConfirmedFactor: boolean;
  isSelf: boolean;
};

/**
 * An account found by its exact e-mail, as the roles page shows it: identity, status, roles and
 * whether it could hold a staff role (a confirmed second factor). Nothing else of the account.
 */
export async function findAccountForRoles(
  { db }: Ctx,
  { staff, email }: { staff: StaffActor; email: string },
): Promise<RoleAccount | null> {
  authorize(staff.actor, "admin:roles");
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      status: true,
      roles: true,
      _count: { select: { factors: { where: { confirmedAt: { not: null } } } } },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    label: `${user.firstName} ${user.lastName}`,
    status: user.status,
    roles: user.roles,
    hasConfirmedFactor: user._count.factors > 0,
    isSelf: user.id === staff.userId,
  };
}
