"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { getDb } from "@/lib/server/db";
import { jobIdSchema, retryJob } from "@/lib/server/jobs/retry-job";
import { requireStaff } from "@/lib/server/staff/require-staff";

/** "Relancer maintenant" on a failed background job: admins only, recorded in the staff log (retry-job.ts). */
export const retryJobAction = defineAction({
  input: z.object({ jobId: jobIdSchema }),
  access: { permission: "admin:dashboard" },
  run: async ({ input, ctx }) => {
    const staff = await requireStaff("admin:dashboard");
    const { task } = await retryJob(getDb(), { staff, jobId: input.jobId, ipAddress: ctx.ip });
    revalidatePath("/admin/jobs");
    return { task };
  },
});
