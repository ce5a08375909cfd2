import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { authorize } from "@/lib/server/policy/policy";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";

/** A job id as the library numbers them (bigint), carried as text. */
export const jobIdSchema = z.string().regex(/^[1-9][0-9]{0,18}$/);

/**
 * "Retry now" on the admin's jobs page: a job waiting for a retry, or out of attempts, runs again at
 * once with its full number of attempts. In one transaction with the staff log entry (the job's id and
 * task only). A job a worker holds, or one that has meanwhile succeeded, is not found.
 */
export async function retryJob(
  db: Db,
  { staff, jobId, ipAddress }: { staff: StaffActor; jobId: string; ipAddress?: string | null },
): Promise<{ task: string }> {
  authorize(staff.actor, "admin:dashboard");
  const id = jobIdSchema.parse(jobId);
  return db.$transaction(async (tx) => {
    // Only a job that has failed at least once; reschedule_jobs itself skips a job a worker holds.
    const [job] = await tx.$queryRaw<{ task: string }[]>`
      SELECT t.identifier AS task
      FROM graphile_worker.reschedule_jobs(
        (SELECT array_agg(id) FROM graphile_worker._private_jobs WHERE id = ${id}::bigint AND attempts > 0),
        run_at := now(), attempts := 0) AS r
      JOIN graphile_worker._private_tasks AS t ON t.id = r.task_id`;
    if (!job) throw new AppError("NOT_FOUND", "No such job waiting for a retry.");
    await recordStaffAction(tx, { staff, action: "JOB_RETRIED", details: { jobId: id, task: job.task }, ipAddress });
    return { task: job.task };
  });
}
