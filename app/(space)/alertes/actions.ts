"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { markAlertsRead } from "@/lib/server/alerts/mark-alerts-read";
import { getDb } from "@/lib/server/db";
import { actorOf } from "@/lib/server/policy/policy";

/** Marks one alert, or all, read; the service only touches the patient's own alerts. */
export const markAlertReadAction = defineAction({
  input: z.object({ alertId: z.union([z.uuid(), z.literal("all")]) }),
  access: { permission: "account:manage-own" },
  run: async ({ input, session }) => {
    const count = await markAlertsRead(getDb(), { actor: actorOf(session), patientId: session.user.id, alertId: input.alertId });
    // The header's unread badge is on every page.
    revalidatePath("/", "layout");
    return { count };
  },
});
