import "server-only";
import type { OperationOutcome, OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";
import type { Logger } from "pino";
import { AppError, asAppError, type ErrorCode } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";

export const FHIR_CONTENT_TYPE = "application/fhir+json; charset=utf-8";

/**
 * Any web page may call the API: it is bearer-only (no cookie is ever read), so a cross-origin
 * caller gets nothing it could not get with the token anyway. Location and Content-Disposition are
 * exposed so that a browser app can follow a create and name a download.
 */
export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, Prefer",
  "Access-Control-Expose-Headers": "Location, Content-Disposition, Content-Length, Repr-Digest, WWW-Authenticate, Retry-After",
  "Access-Control-Max-Age": "600",
};

/** A FHIR JSON response (never cached: it is a patient's health data). */
export function fhirJson(
  resource: Resource,
  { status = 200, headers = {} }: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(resource), { status, headers: { "Content-Type": FHIR_CONTENT_TYPE, ...headers } });
}

/** Adds the headers every FHIR answer carries, errors and files included. */
export function withFhirHeaders(response: Response): Response {
  for (const [key, value] of Object.entries(CORS_HEADERS)) response.headers.set(key, value);
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
}

type IssueType = OperationOutcomeIssue["code"];

const ISSUE: Partial<Record<ErrorCode, { code: IssueType; diagnostics: string }>> = {
  BAD_REQUEST: { code: "invalid", diagnostics: "The request is not valid." },
  UNAUTHENTICATED: { code: "security", diagnostics: "A valid access token is required." },
  FORBIDDEN: { code: "forbidden", diagnostics: "The access token does not allow this." },
  NOT_FOUND: { code: "not-found", diagnostics: "No such resource." },
  PAYLOAD_TOO_LARGE: { code: "too-long", diagnostics: "The request body is too large." },
  UNSUPPORTED_MEDIA_TYPE: { code: "not-supported", diagnostics: "Send the resource as application/fhir+json." },
  RATE_LIMITED: { code: "throttled", diagnostics: "Too many requests: try again later." },
};

export function operationOutcome(code: IssueType, diagnostics: string): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] };
}

/**
 * An error as an OperationOutcome with its status. The diagnostics are fixed sentences for the app's
 * developer (plus, for invalid input, the path of the offending element as given in the AppError's
 * `field`): never the log message, never health data. A 401 or 403 says why in WWW-Authenticate
 * (RFC 6750), so a client knows to refresh its token or to ask the patient for more.
 */
export function fhirErrorResponse(error: unknown, log: Pick<Logger, "error"> = logger): Response {
  let appError = asAppError(error);
  if (!appError) {
    log.error({ event: "fhir.failed", err: error }, "FHIR route failed.");
    appError = new AppError("INTERNAL");
  }
  const issue = ISSUE[appError.code] ?? { code: "exception" as const, diagnostics: "The server could not answer; try again later." };
  const diagnostics =
    appError.code === "BAD_REQUEST" && appError.field ? `${issue.diagnostics} Check ${appError.field}.` : issue.diagnostics;
  const headers: Record<string, string> = {};
  if (appError.code === "UNAUTHENTICATED") headers["WWW-Authenticate"] = 'Bearer error="invalid_token"';
  if (appError.code === "FORBIDDEN") headers["WWW-Authenticate"] = 'Bearer error="insufficient_scope"';
  const retryAfter = appError.code === "RATE_LIMITED" ? appError.messageValues?.retryAfterSeconds : undefined;
  if (retryAfter !== undefined) headers["Retry-After"] = String(retryAfter);
  return fhirJson(operationOutcome(issue.code, diagnostics), { status: appError.status, headers });
}
