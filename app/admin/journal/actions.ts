"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { requestHistoryChainCheck } from "@/lib/server/admin/history-chain-check";
import { requireStaff } from "@/lib/server/staff/require-staff";

/**
 * "Vérifier l'intégrité des historiques": admins only. Queues the check and starts it in the
 * background; the page follows its progress. The result names ids and sequences, never health data.
 */
export const checkHistoryChainsAction = defineAction({
  input: z.object({}),
  access: { permission: "admin:audit" },
  run: async ({ ctx }) => {
    const staff = await requireStaff("admin:audit");
    const check = await requestHistoryChainCheck(ctx, { staff });
    revalidatePath("/admin/journal");
    return { id: check.id };
  },
});
