"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { regenerateRecoveryCodes } from "@/lib/server/auth/security-settings/regenerate-recovery-codes";

/** The codes travel once, in this result; they are never readable again. */
export const regenerateRecoveryCodesAction = defineAction({
  input: z.object({}),
  access: { permission: "account:manage-own", recentAuthentication: true },
  run: async ({ ctx }) => {
    const codes = await regenerateRecoveryCodes(ctx);
    revalidatePath("/securite");
    return { codes };
  },
});
