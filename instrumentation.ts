import type { Instrumentation } from "next";

/** Runs once when a server instance starts, before it serves anything. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/server/startup-checks");
  // Mail and SMS that could not be handed over at once (relay down, instance stopped) are retried.
  const { startRetryPass } = await import("./lib/server/messaging/deliver-soon");
  startRetryPass();
  (await import("./lib/server/vault/check/start-bin-purge")).startBinPurgePass();
  (await import("./lib/server/housekeeping/start-housekeeping")).startHousekeeping();
  (await import("./lib/server/catalogue/start-access-ended-notices")).startAccessEndedNotices();
  (await import("./lib/server/admin/start-history-chain-checks")).startHistoryChainChecks();
  (await import("./lib/server/history/start-history-checkpoints")).startHistoryCheckpoints();
}

/**
 * Every error Next.js catches while rendering or handling a request, as one structured log line. The
 * digest is the reference the error page shows a person, so support can find the line. Only the
 * path is logged, never the query string or body: those may carry personal data.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/server/logger");
  const err = error as Error & { digest?: string };
  logger.error(
    {
      event: "request_error",
      digest: err.digest,
      errorName: err.name,
      method: request.method,
      path: request.path.split("?")[0],
      routePath: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};
