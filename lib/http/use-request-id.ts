"use client";
import { useSyncExternalStore } from "react";
import { acceptedRequestId, REQUEST_ID_TIMING } from "./request-id";

/**
 * In the browser: the id of the latest request for the current path (the document's, or the fetch of
 * a client-side navigation), read from its Server-Timing entry; null when the browser keeps none
 * (an insecure origin, an old browser). An error page shows it as the reference support looks up.
 */
function currentPathRequestId(): string | null {
  if (typeof performance === "undefined") return null;
  const entries = [
    ...performance.getEntriesByType("navigation"),
    ...performance.getEntriesByType("resource"),
  ] as PerformanceResourceTiming[];
  const path = window.location.pathname;
  let latest: { at: number; id: string } | null = null;
  for (const entry of entries) {
    const id = acceptedRequestId(entry.serverTiming?.find((timing) => timing.name === REQUEST_ID_TIMING)?.description);
    if (!id || new URL(entry.name, window.location.href).pathname !== path) continue;
    if (!latest || entry.startTime >= latest.at) latest = { at: entry.startTime, id };
  }
  return latest?.id ?? null;
}

const noSubscription = () => () => {};

/** The request id of the page shown (see currentPathRequestId); null on the server's render. */
export function useRequestId(): string | null {
  return useSyncExternalStore(noSubscription, currentPathRequestId, () => null);
}
