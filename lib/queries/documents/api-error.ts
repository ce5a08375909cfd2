/**
 * A failed call to the vault's JSON routes. `message` is the server's, already in the user's language,
 * and is shown as is; `status` 0 means the request never got an answer (network, aborted).
 */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server's `{ code, message }`, or a code alone when the body is not one (a proxy's error page). */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (body && typeof body === "object" && "code" in body && "message" in body && typeof body.message === "string") {
    return new ApiError(status, String(body.code), body.message);
  }
  return new ApiError(status, status === 404 ? "NOT_FOUND" : "INTERNAL", "");
}
