"use server";

import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { getDb } from "@/lib/server/db";
import { jobIdSchema, retryJob } from "@/lib/server/jobs/retry-job";
import { requireStaff } from "@/lib/server/staff/require-staff";

/**
 * "Relancer maintenant" on a failed background job: admins only, recorded in the staff log (retry-job.ts).
 * The page is not revalidated: the retried job leaves the failures at once, and its row would take the
 * confirmation away before anyone could read it; the admin reloads to see the worker's result.
 */
export const retryJobAction = defineAction({
  input: z.object({ jobId: jobIdSchema }),
  access: { permission: "admin:dashboard" },
  run: async ({ input, ctx }) => {
    const staff = await requireStaff("admin:dashboard");
    const { task } = await retryJob(getDb(), { staff, jobId: input.jobId, ipAddress: ctx.ip });
    return { task };
  },
});
