import type { Instrumentation } from "next";

/** Runs once when a server instance starts, before it serves anything. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/server/startup-checks");
  // The quick start and a single instance run the background jobs here; a deployment with
  // `npm run worker` sets JOBS_IN_PROCESS=false on its web instances (lib/server/jobs).
  const { startInProcessWorker } = await import("./lib/server/jobs/start-in-process-worker");
  await startInProcessWorker();
}

/**
 * Every error Next.js catches while rendering or handling a request, as one structured log line. The
 * request id (set by the proxy) and the digest are the references the error page shows a person: the
 * line pairs them, and the request id finds every other line of the request. Only the path is logged,
 * never the query string or body: those may carry personal data.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/server/logger");
  const { acceptedRequestId, REQUEST_ID_HEADER } = await import("./lib/http/request-id");
  const err = error as Error & { digest?: string };
  const header = request.headers[REQUEST_ID_HEADER];
  logger.error(
    {
      event: "request_error",
      requestId: acceptedRequestId(Array.isArray(header) ? header[0] : header) ?? undefined,
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
