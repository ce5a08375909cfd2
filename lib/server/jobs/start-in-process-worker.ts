import "server-only";
import { getConfig } from "@/lib/server/config";
import { errorClassOf, logger } from "@/lib/server/logger";
import { startJobWorker } from "./start-job-worker";

/**
 * The web server's own worker (instrumentation.ts), unless JOBS_IN_PROCESS=false. A worker that cannot
 * start (database not migrated, unreachable) is logged and does not stop the site: requests still
 * enqueue their jobs, which wait for a worker.
 */
export async function startInProcessWorker(): Promise<void> {
  const config = getConfig();
  if (!config.jobsInProcess || !config.databaseUrl) return;
  try {
    const runner = await startJobWorker({
      connectionString: config.databaseUrl,
      concurrency: config.jobsConcurrency,
      atStart: [{ task: "history.checkpoint", jobKey: "start:history.checkpoint" }],
    });
    // Jobs in hand finish (or go back to the queue) when the server is told to stop.
    process.once("SIGTERM", () => void runner.stop());
    logger.info({ event: "jobs.worker_started", concurrency: config.jobsConcurrency }, "job worker started in the web process");
  } catch (error) {
    logger.error({ event: "jobs.worker_failed", errorClass: errorClassOf(error) }, "job worker did not start");
  }
}
