/** The request header that carries the request id from the proxy to pages, actions and routes. */
export const REQUEST_ID_HEADER = "x-request-id";

/**
 * A load balancer's request id is kept so one id follows the request across systems, but only in a
 * shape that is safe to log and show (letters, digits, `-_.:`, up to 128): anything else a client
 * wrote is dropped and a fresh id is made.
 */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function acceptedRequestId(value: string | null | undefined): string | null {
  return value && REQUEST_ID.test(value) ? value : null;
}

/** The id of a request: the accepted incoming one, or a new UUID. */
export function requestIdOf(headers: Headers): string {
  return acceptedRequestId(headers.get(REQUEST_ID_HEADER)) ?? crypto.randomUUID();
}

/** The Server-Timing metric that hands the request id to the page's own script (error pages). */
export const REQUEST_ID_TIMING = "rid";
