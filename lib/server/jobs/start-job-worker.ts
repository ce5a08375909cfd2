import "server-only";
import { Logger, parseCronItems, run, type CronItem, type Runner, type Task, type TaskList } from "graphile-worker";
import { errorClassOf, logger } from "@/lib/server/logger";
import { JOB_SETTINGS, JOB_TASK_NAMES, type JobTaskName } from "./job-settings";
import type { JobFigures } from "./task-list";

export type JobWorkerOptions = {
  connectionString: string;
  /** Jobs run at the same time by this worker. */
  concurrency?: number;
  /** How often the worker looks for due jobs when no notification reached it (always, on PGlite). */
  pollIntervalMs?: number;
  /** Task code; the app's (task-list.ts) unless a test gives its own. */
  handlers?: Record<string, (payload: never) => Promise<JobFigures>>;
  /** Schedules; the app's (job-settings.ts) unless a test gives its own. */
  cronItems?: CronItem[];
  /** Jobs added when the worker starts (e.g. a checkpoint right after a deployment). */
  atStart?: Array<{ task: JobTaskName; jobKey: string }>;
};

/** The app's schedules, each identified by its task's name so that a renamed cron line keeps its history. */
export function appCronItems(): CronItem[] {
  return JOB_TASK_NAMES.flatMap((task) => {
    const setting: { schedule?: string; maxAttempts: number } = JOB_SETTINGS[task];
    if (!setting.schedule) return [];
    // jobKey: a tick that finds the previous one still waiting (worker stopped) replaces it, so a
    // stopped worker does not come back to a pile of identical passes.
    return [
      {
        task,
        identifier: task,
        match: setting.schedule,
        options: { maxAttempts: setting.maxAttempts, jobKey: `cron:${task}`, backfillPeriod: 0 },
      },
    ];
  });
}

/**
 * Starts the job worker on the database (graphile-worker). Every worker of every instance may run at
 * once: a job is taken by one worker (SKIP LOCKED), each schedule's tick is enqueued once (the
 * library's known_crontabs row), a failing job waits e^attempts seconds before its next try and is
 * kept, with its last error, once its attempts are spent (the admin page /admin/jobs).
 *
 * Prepared statements are off: PGlite has one backend session shared by every connection, where two
 * workers preparing the same statement name collide ("prepared statement get_job already exists",
 * measured); on PostgreSQL it costs a parse per query, nothing a handful of jobs a minute notices.
 */
export async function startJobWorker({
  connectionString,
  concurrency = 2,
  pollIntervalMs = 1_000,
  handlers,
  cronItems = appCronItems(),
  atStart = [],
}: JobWorkerOptions): Promise<Runner> {
  const taskList: TaskList = {};
  const { JOB_HANDLERS } = handlers ? { JOB_HANDLERS: handlers } : await import("./task-list");
  for (const [name, handler] of Object.entries(JOB_HANDLERS))
    taskList[name] = wrapTask(name, handler as (payload: never) => Promise<JobFigures>);
  const runner = await run({
    connectionString,
    concurrency,
    pollInterval: pollIntervalMs,
    maxPoolSize: concurrency + 2,
    noPreparedStatements: true,
    noHandleSignals: true,
    logger: workerLogger,
    taskList,
    parsedCronItems: parseCronItems(cronItems),
  });
  for (const { task, jobKey } of atStart) await runner.addJob(task, {}, { jobKey, maxAttempts: JOB_SETTINGS[task].maxAttempts });
  return runner;
}

/**
 * Checks the payload against the task's schema, logs the run's figures, and fails the job with its
 * error class only: the library keeps the last error in its table and shows it on the admin page,
 * where a message that could carry a person's data must not go.
 */
function wrapTask(name: string, handler: (payload: never) => Promise<JobFigures>): Task {
  return async (rawPayload, helpers) => {
    const schema = (JOB_SETTINGS as Record<string, { payload: { parse: (value: unknown) => unknown } }>)[name]?.payload;
    let figures: JobFigures;
    try {
      // A scheduled run's payload carries the tick (`_cron`), which the app's tasks do not take; a
      // task without settings (a test's) gets the payload as stored.
      figures = await handler((schema ? schema.parse(withoutTick(rawPayload)) : rawPayload) as never);
    } catch (error) {
      const errorClass = errorClassOf(error);
      logger.warn({ event: `${name}.failed`, jobId: helpers.job.id, attempt: helpers.job.attempts, errorClass }, `${name} job failed`);
      throw new Error(errorClass);
    }
    if (figures) logger.info({ event: `${name}.done`, jobId: helpers.job.id, ...figures }, `${name} job`);
  };
}

function withoutTick(payload: unknown): unknown {
  if (typeof payload !== "object" || payload === null) return payload;
  const { _cron: _tick, ...rest } = payload as Record<string, unknown>;
  return rest;
}

/** The library's own lines (start, stop, connection trouble) into the app's logs, without job payloads. */
const workerLogger = new Logger((scope) => (level, message) => {
  const fields = { event: "jobs.worker", workerId: scope.workerId, task: scope.taskIdentifier, jobId: scope.jobId };
  if (level === "error") logger.error(fields, message);
  else if (level === "warning") logger.warn(fields, message);
  else logger.debug(fields, message);
});

export type { Runner };
