import "server-only";
import type { Db, Tx } from "@/lib/server/db";
import { errorClassOf, logger } from "@/lib/server/logger";
import { JOB_SETTINGS, type JobPayload, type JobTaskName } from "./job-settings";

export type EnqueueOptions = {
  /**
   * At most one waiting job per key: enqueueing again while one waits replaces it instead of adding a
   * second (a burst of decisions asks for one notice pass, not fifty).
   */
  jobKey?: string;
  runAt?: Date;
};

/**
 * Adds a job through the library's own SQL function (graphile_worker.add_job), on the client it is
 * given: pass the transaction of the change the job follows, and the job commits with it or, on a
 * rollback, never exists. The payload is checked against the task's schema (ids only) before it is stored.
 */
export async function enqueueJob<T extends JobTaskName>(
  db: Pick<Db | Tx, "$executeRaw">,
  task: T,
  payload: JobPayload<T>,
  { jobKey, runAt }: EnqueueOptions = {},
): Promise<void> {
  const { payload: schema, maxAttempts } = JOB_SETTINGS[task];
  const checked: unknown = schema.parse(payload);
  await db.$executeRaw`SELECT graphile_worker.add_job(
    identifier := ${task}::text,
    payload := ${JSON.stringify(checked)}::json,
    run_at := ${runAt ?? null}::timestamptz,
    max_attempts := ${maxAttempts}::int,
    job_key := ${jobKey ?? null}::text
  )`;
}

/**
 * For work that follows a change already committed by code that has no transaction to hand (the
 * outbox's immediate send): enqueues without making the caller wait, and logs a failure by its error
 * class only. Never the only chance: the task's periodic pass picks up what this leaves.
 */
export function enqueueAfterCommit<T extends JobTaskName>(
  db: Pick<Db, "$executeRaw">,
  task: T,
  payload: JobPayload<T>,
  options?: EnqueueOptions,
): void {
  enqueueJob(db, task, payload, options).catch((error: unknown) => {
    logger.warn({ event: "jobs.enqueue_failed", task, errorClass: errorClassOf(error) }, "job not enqueued, left for the periodic pass");
  });
}
