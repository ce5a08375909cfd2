import "server-only";
import { z } from "zod";

const noPayload = z.object({}).strict();

export type JobSetting = {
  /** Payloads hold ids only: the database and the admin page may show them, a health fact never. */
  payload: z.ZodType;
  /** Five-field cron, in UTC, for a periodic pass; absent for a job that is only enqueued. */
  schedule?: string;
  /** Runs before the job is kept as failed; the library waits e^attempts seconds between them (2.7 s, 7.4 s, 20 s, 55 s …). */
  maxAttempts: number;
};

/**
 * Every background task: its payload, schedule and retries, apart from the code that runs it
 * (task-list.ts) so that enqueueing a job does not load every service. One run per tick across
 * instances: the library records each schedule's last tick in the database and enqueues a tick only
 * once, whichever worker sees it first.
 */
export const JOB_SETTINGS = {
  "outbox.deliver": { payload: z.object({ messageId: z.uuid() }).strict(), maxAttempts: 3 },
  "outbox.retry": { payload: noPayload, schedule: "* * * * *", maxAttempts: 3 },
  "vault.bin_purge": { payload: noPayload, schedule: "7 * * * *", maxAttempts: 5 },
  housekeeping: { payload: noPayload, schedule: "37 * * * *", maxAttempts: 5 },
  "catalogue.access_ended_notices": { payload: noPayload, schedule: "* * * * *", maxAttempts: 5 },
  "catalogue.reconsent_notices": { payload: noPayload, schedule: "* * * * *", maxAttempts: 5 },
  "history.chain_check": { payload: noPayload, schedule: "* * * * *", maxAttempts: 5 },
  "history.checkpoint": { payload: noPayload, schedule: "*/10 * * * *", maxAttempts: 5 },
  // Links the read events appended unchained (append-read-history.ts) into their chains; each minute, the
  // cron's finest step. They are in the patient's history from the moment they are written.
  "history.chain_reads": { payload: noPayload, schedule: "* * * * *", maxAttempts: 5 },
} satisfies Record<string, JobSetting>;

export type JobTaskName = keyof typeof JOB_SETTINGS;

export type JobPayload<T extends JobTaskName> = z.input<(typeof JOB_SETTINGS)[T]["payload"]>;

export const JOB_TASK_NAMES = Object.keys(JOB_SETTINGS) as JobTaskName[];

export function isJobTaskName(name: string): name is JobTaskName {
  return Object.hasOwn(JOB_SETTINGS, name);
}
