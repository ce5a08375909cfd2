import "server-only";
import { errorClassOf, logger } from "@/lib/server/logger";

/**
 * Starts work that follows a request without making the person wait for it (telling patients after a
 * decision, a check an admin asked for). It is never the only chance: a periodic pass on every
 * instance (repeat-on-every-instance.ts) picks up what a stopped process or a failure left. A failure
 * is logged by its error class only, as the periodic passes do: a message could carry data.
 */
export function runInBackground(event: string, work: () => Promise<unknown>): void {
  work().catch((error: unknown) => {
    logger.warn({ event: `${event}.failed`, errorClass: errorClassOf(error) }, `${event} left for the next pass`);
  });
}
