/**
 * `npm run worker`: the background jobs alone, for a deployment whose web instances run with
 * JOBS_IN_PROCESS=false. Any number of workers may run: each job runs on one of them, each schedule's
 * tick is enqueued once. The database must be migrated first (`npm run db:migrate`, which installs the
 * job library's schema too). Stops cleanly on SIGINT/SIGTERM: jobs in hand finish first.
 */
import { ConfigError, parseConfig } from "@/lib/server/config";
import { startJobWorker } from "@/lib/server/jobs/start-job-worker";
import { logger } from "@/lib/server/logger";

async function main() {
  const config = parseConfig(process.env);
  if (!config.databaseUrl) {
    throw new ConfigError(
      "DATABASE_URL is required by npm run worker. The quick start (npm start) runs the jobs inside the app and needs no worker.",
    );
  }
  const runner = await startJobWorker({
    connectionString: config.databaseUrl,
    concurrency: config.jobsConcurrency,
    atStart: [{ task: "history.checkpoint", jobKey: "start:history.checkpoint" }],
  });
  logger.info({ event: "jobs.worker_started", concurrency: config.jobsConcurrency }, "job worker started");
  const stop = () => {
    logger.info({ event: "jobs.worker_stopping" }, "job worker stopping");
    void runner.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await runner.promise;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
