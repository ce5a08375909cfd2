"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { blockProfessional } from "@/lib/server/consent/block-professional";
import { revokeAccess } from "@/lib/server/consent/revoke-access";

/**
 * Revoke or block a professional straight from one of their entries in the history. The policy here
 * only asks for a full session: the consent services authorize through the health-data decision.
 */
const input = z.object({ professionalId: z.uuid() });

export const revokeFromHistoryAction = defineAction({
  input,
  access: { permission: "account:manage-own" },
  run: async ({ input, ctx }) => {
    await revokeAccess(ctx, { ...input, patientId: ctx.actor.userId });
    revalidatePath("/acces");
    return null;
  },
});

export const blockFromHistoryAction = defineAction({
  input,
  access: { permission: "account:manage-own" },
  run: async ({ input, ctx }) => {
    await blockProfessional(ctx, { ...input, patientId: ctx.actor.userId });
    revalidatePath("/acces");
    return null;
  },
});
