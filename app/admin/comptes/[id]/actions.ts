"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action/define-action";
import { requireStaff } from "@/lib/server/staff/require-staff";
import { accountActionSchema, resetSecondFactorSchema } from "@/lib/server/support/account-action-schema";
import { closeAccount } from "@/lib/server/support/close-account";
import { resendEmailConfirmation } from "@/lib/server/support/resend-email-confirmation";
import { resetSecondFactor } from "@/lib/server/support/reset-second-factor";
import { setAccountEnabled } from "@/lib/server/support/set-account-enabled";
import { unlockAccount } from "@/lib/server/support/unlock-account";

/**
 * Support's actions on an account. The schemas take only their own fields (any `roles` or `role` in
 * the payload is dropped); the policy asks for the support role, and each service asks again, refuses
 * the agent's own account and writes the audit entries.
 */
const access = { permission: "support:accounts" } as const;

function refresh(userId: string) {
  revalidatePath(`/admin/comptes/${userId}`);
}

export const unlockAccountAction = defineAction({
  input: accountActionSchema,
  access,
  run: async ({ input, ctx }) => {
    await unlockAccount(ctx, { ...input, staff: await requireStaff("support:accounts") });
    refresh(input.userId);
    return null;
  },
});

export const resendEmailConfirmationAction = defineAction({
  input: accountActionSchema,
  access,
  run: async ({ input, ctx }) => {
    await resendEmailConfirmation(ctx, { ...input, staff: await requireStaff("support:accounts") });
    refresh(input.userId);
    return null;
  },
});

/** Resetting a second factor hands the account to whoever signs in next: the agent proves who they are first. */
export const resetSecondFactorAction = defineAction({
  input: resetSecondFactorSchema,
  access: { ...access, recentAuthentication: true },
  run: async ({ input, ctx }) => {
    await resetSecondFactor(ctx, { ...input, staff: await requireStaff("support:accounts") });
    refresh(input.userId);
    return null;
  },
});

export const disableAccountAction = defineAction({
  input: accountActionSchema,
  access,
  run: async ({ input, ctx }) => {
    await setAccountEnabled(ctx, { ...input, enabled: false, staff: await requireStaff("support:accounts") });
    refresh(input.userId);
    return null;
  },
});

export const enableAccountAction = defineAction({
  input: accountActionSchema,
  access,
  run: async ({ input, ctx }) => {
    await setAccountEnabled(ctx, { ...input, enabled: true, staff: await requireStaff("support:accounts") });
    refresh(input.userId);
    return null;
  },
});

export const closeAccountAction = defineAction({
  input: accountActionSchema,
  access,
  run: async ({ input, ctx }) => {
    await closeAccount(ctx, { ...input, staff: await requireStaff("support:accounts") });
    refresh(input.userId);
    return null;
  },
});
