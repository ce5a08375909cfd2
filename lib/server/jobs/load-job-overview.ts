import "server-only";
import type { Db } from "@/lib/server/db";
import { authorize } from "@/lib/server/policy/policy";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { JOB_SETTINGS, JOB_TASK_NAMES } from "./job-settings";

/** A job that is neither done nor running cleanly: waiting for its next try, or out of tries. */
export type JobFailure = {
  id: string;
  task: string;
  attempts: number;
  maxAttempts: number;
  /** The error's class only (the workers never store a message). */
  lastError: string | null;
  failedAt: Date;
  /** Null once the attempts are spent: the job waits for someone to retry it. */
  nextRetryAt: Date | null;
};

export type JobTaskOverview = {
  task: string;
  schedule: string | null;
  /** The last tick of the schedule that was enqueued (by any worker). */
  lastScheduledAt: Date | null;
  counts: { waiting: number; scheduled: number; running: number; retrying: number; failed: number };
};

export type JobOverview = { tasks: JobTaskOverview[]; failures: JobFailure[] };

const FAILURES_SHOWN = 50;
const n = (value: bigint | number | null) => Number(value ?? 0);

/**
 * What the admin's jobs page shows: per task, how many jobs wait, wait for a later time, run, wait
 * for a retry or have failed for good, and the latest failures with their attempts and next try.
 * Payloads are never read (they hold ids only anyway). Done jobs leave the library's table at once,
 * so there is no "done" count: the logs carry each run's figures.
 */
export async function loadJobOverview(db: Pick<Db, "$queryRaw">, { staff }: { staff: StaffActor }): Promise<JobOverview> {
  authorize(staff.actor, "admin:dashboard");
  const [counts, ticks, failures] = await Promise.all([
    db.$queryRaw<{ task: string; waiting: bigint; scheduled: bigint; running: bigint; retrying: bigint; failed: bigint }[]>`
      SELECT task_identifier AS task,
        count(*) FILTER (WHERE locked_at IS NULL AND attempts = 0 AND run_at <= now()) AS waiting,
        count(*) FILTER (WHERE locked_at IS NULL AND attempts = 0 AND run_at > now()) AS scheduled,
        count(*) FILTER (WHERE locked_at IS NOT NULL) AS running,
        count(*) FILTER (WHERE locked_at IS NULL AND attempts > 0 AND attempts < max_attempts) AS retrying,
        count(*) FILTER (WHERE locked_at IS NULL AND attempts >= max_attempts) AS failed
      FROM graphile_worker.jobs GROUP BY task_identifier`,
    db.$queryRaw<
      { identifier: string; last_execution: Date | null }[]
    >`SELECT identifier, last_execution FROM graphile_worker._private_known_crontabs`,
    db.$queryRaw<
      { id: bigint; task: string; attempts: number; max_attempts: number; last_error: string | null; updated_at: Date; run_at: Date }[]
    >`
      SELECT id, task_identifier AS task, attempts, max_attempts, last_error, updated_at, run_at
      FROM graphile_worker.jobs WHERE attempts > 0 AND locked_at IS NULL
      ORDER BY updated_at DESC LIMIT ${FAILURES_SHOWN}`,
  ]);
  const byTask = new Map(counts.map((row) => [row.task, row]));
  const lastTick = new Map(ticks.map((row) => [row.identifier, row.last_execution]));
  // The app's tasks always, in their order; any other task found in the table (an old name) after them.
  const names = [
    ...JOB_TASK_NAMES,
    ...counts
      .map((row) => row.task)
      .filter((task) => !(JOB_TASK_NAMES as string[]).includes(task))
      .sort(),
  ];
  return {
    tasks: names.map((task) => {
      const row = byTask.get(task);
      const schedule = (JOB_SETTINGS as Record<string, { schedule?: string }>)[task]?.schedule ?? null;
      return {
        task,
        schedule,
        lastScheduledAt: lastTick.get(task) ?? null,
        counts: {
          waiting: n(row?.waiting ?? 0),
          scheduled: n(row?.scheduled ?? 0),
          running: n(row?.running ?? 0),
          retrying: n(row?.retrying ?? 0),
          failed: n(row?.failed ?? 0),
        },
      };
    }),
    failures: failures.map((row) => ({
      id: String(row.id),
      task: row.task,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      lastError: row.last_error,
      failedAt: row.updated_at,
      nextRetryAt: row.attempts < row.max_attempts ? row.run_at : null,
    })),
  };
}
