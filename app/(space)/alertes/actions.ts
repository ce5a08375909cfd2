"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { markAlertsRead } from "@/lib/server/alerts/mark-alerts-read";

/** Marks one alert, or all, read; the service only touches the patient's own alerts. */
export const markAlertReadAction = defineAction({
  input: z.object({ alertId: z.union([z.uuid(), z.literal("all")]) }),
  access: { permission: "account:manage-own" },
  run: async ({ input, ctx }) => {
    const count = await markAlertsRead(ctx, { patientId: ctx.actor.userId, alertId: input.alertId });
    // The header's unread badge is on every page.
    revalidatePath("/", "layout");
    return { count };
  },
});
