"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffReason } from "@/lib/schemas/staff-reason";
import { defineAction } from "@/lib/server/action/define-action";
import { changeStaffRole } from "@/lib/server/admin/change-staff-role";
import { staffRole } from "@/lib/server/admin/staff-roles";
import { requireStaff } from "@/lib/server/staff/require-staff";

/**
 * Give or withdraw a staff role. Who acts comes from the session only: no field of the form can name
 * the actor or their roles, and the service refuses a change of one's own roles. A role opens other
 * people's accounts, so the admin must have proved who they are within the last minutes: a session
 * left open or stolen cannot hand out roles.
 */
export const changeStaffRoleAction = defineAction({
  input: z.object({ targetUserId: z.uuid(), role: staffRole, change: z.enum(["grant", "revoke"]), reason: staffReason }),
  access: { permission: "admin:roles", recentAuthentication: true },
  run: async ({ input, ctx }) => {
    const staff = await requireStaff("admin:roles");
    const result = await changeStaffRole(ctx, {
      staff,
      change: {
        targetUserId: input.targetUserId,
        role: input.role,
        grant: input.change === "grant",
        reason: input.reason,
      },
    });
    revalidatePath("/admin/roles");
    return { role: input.role, granted: input.change === "grant", roles: result.roles };
  },
});
