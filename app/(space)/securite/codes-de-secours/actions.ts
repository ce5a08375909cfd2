"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { regenerateRecoveryCodes } from "@/lib/server/auth/security-settings/regenerate-recovery-codes";
import { getDb } from "@/lib/server/db";

/** The codes travel once, in this result; they are never readable again. */
export const regenerateRecoveryCodesAction = defineAction({
  input: z.object({}),
  access: { permission: "account:manage-own", recentAuthentication: true },
  run: async ({ session, ctx }) => {
    const codes = await regenerateRecoveryCodes(getDb(), { userId: session.user.id, context: ctx });
    revalidatePath("/securite");
    return { codes };
  },
});
