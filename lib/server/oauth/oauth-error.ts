import "server-only";

/** The error codes of RFC 6749 (§4.1.2.1, §5.2) and RFC 7009 that this server answers with. */
export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "access_denied"
  | "unsupported_response_type"
  | "slow_down";

/**
 * A protocol error, answered to the client as `{ error, error_description }`. Descriptions are for the
 * app's developers (English, no patient data, no echo of what was sent).
 */
export class OAuthError extends Error {
  override name = "OAuthError";
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly status = error === "invalid_client" ? 401 : error === "slow_down" ? 429 : 400,
    readonly retryAfterSeconds?: number,
  ) {
    super(`${error}: ${description}`);
  }
}
