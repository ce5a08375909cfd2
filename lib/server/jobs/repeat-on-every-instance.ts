import "server-only";
import { errorClassOf, logger } from "@/lib/server/logger";

/**
 * Runs a maintenance pass on this instance now and then. Every instance runs every pass: there is no
 * leader to elect, so each pass must be safe to run on several instances at once (claim rows with
 * `FOR UPDATE SKIP LOCKED`). A pass still running when the next is due is not doubled. The pass
 * returns figures worth a log line, or null when it had nothing to do; a failure is logged by its
 * error class only (a message could carry data).
 */
export function repeatOnEveryInstance(event: string, { everyMs, firstAfterMs }: { everyMs: number; firstAfterMs: number }, pass: () => Promise<Record<string, number> | null>): void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    pass()
      .then((figures) => {
        if (figures) logger.info({ event: `${event}.done`, ...figures }, `${event} pass`);
      })
      .catch((error: unknown) => {
        logger.warn({ event: `${event}.failed`, errorClass: errorClassOf(error) }, `${event} pass failed`);
      })
      .finally(() => {
        running = false;
      });
  };
  // The first pass waits a little, so that it does not compete with a fresh instance's first requests.
  setTimeout(run, firstAfterMs).unref();
  setInterval(run, everyMs).unref();
}
