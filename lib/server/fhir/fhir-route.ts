import "server-only";
import { getConfig } from "@/lib/server/config";
import { getDb, type Db } from "@/lib/server/db";
import { verifyAccessToken, type AppAccess } from "@/lib/server/oauth/verify-access-token";
import { checkRouteInput } from "@/lib/server/http/route-input";
import { contextFromHeaders } from "@/lib/server/request-context";
import { CORS_HEADERS, fhirErrorResponse, fhirJson, operationOutcome, withFhirHeaders } from "./fhir-response";
import { appCallLimits, limitAppCalls } from "./limit-app-calls";

export type FhirContext = { request: Request; db: Db; access: AppAccess; ipAddress: string | null };

type Handler<P> = (context: FhirContext, params: P) => Promise<Response>;

/**
 * Every FHIR route with data goes through this: the bearer token is verified in the database on each
 * call (a revoked connection or a suspended app stops at once), the call is counted against the app's
 * limits (limit-app-calls.ts), the handler's services authorize with
 * decideAppAccess, and every answer, error or not, is FHIR JSON with the API's headers. No cookie or
 * session is read: the token alone says who calls, for which patient.
 */
export function fhirRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = getDb();
      const access = await verifyAccessToken(db, request.headers.get("authorization"));
      await limitAppCalls(db, access, appCallLimits(getConfig().fhirCallsPerMinute));
      const ipAddress = contextFromHeaders(request.headers).ipAddress ?? null;
      const resolved = await params;
      checkRouteInput(request, resolved);
      return withFhirHeaders(await handler({ request, db, access, ipAddress }, resolved));
    } catch (error) {
      return withFhirHeaders(fhirErrorResponse(error));
    }
  };
}

/** A route that needs no token (the CapabilityStatement). */
export function publicFhirRoute(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return withFhirHeaders(await handler(request));
    } catch (error) {
      return withFhirHeaders(fhirErrorResponse(error));
    }
  };
}

/** The CORS preflight: the browser asks before sending Authorization cross-origin. */
export async function fhirPreflight(): Promise<Response> {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, "Cache-Control": "no-store" } });
}

/** A 405 as an OperationOutcome, naming the methods the path does allow. */
export function fhirMethodNotAllowed(allowed: string) {
  return async (): Promise<Response> =>
    withFhirHeaders(fhirJson(operationOutcome("not-supported", `This method is not supported here; use ${allowed}.`), { status: 405, headers: { Allow: `${allowed}, OPTIONS` } }));
}
