"use server";

import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { checkHistoryChains } from "@/lib/server/admin/check-history-chains";
import { getDb } from "@/lib/server/db";
import { requireStaff } from "@/lib/server/staff/require-staff";

/** "Vérifier l'intégrité des historiques": admins only; the result names ids and sequences, never health data. */
export const checkHistoryChainsAction = defineAction({
  input: z.object({}),
  access: { permission: "admin:audit" },
  run: async ({ context }) => {
    const staff = await requireStaff("admin:audit");
    return checkHistoryChains(getDb(), { staff, ipAddress: context.ipAddress });
  },
});
