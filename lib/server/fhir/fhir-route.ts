import "server-only";
import { requestCtx, type Ctx } from "@/lib/server/context/ctx";
import { checkRouteInput } from "@/lib/server/http/route-input";
import { verifyAccessToken, type AppAccess } from "@/lib/server/oauth/verify-access-token";
import { CORS_HEADERS, fhirErrorResponse, fhirJson, operationOutcome, withFhirHeaders } from "./fhir-response";
import { appCallLimits, limitAppCalls } from "./limit-app-calls";

/** The request's context has no actor: an app calls, and `access` says which connection, for whom. */
type Handler<P> = (ctx: Ctx, route: { request: Request; access: AppAccess; params: P }) => Promise<Response>;

/**
 * Every FHIR route with data goes through this: the bearer token is verified in the database on each
 * call (a revoked connection or a suspended app stops at once), the call is counted against the app's
 * limits (limit-app-calls.ts), the handler's services authorize with
 * decideAppAccess, and every answer, error or not, is FHIR JSON with the API's headers. No cookie or
 * session is read: the token alone says who calls, for which patient.
 */
export function fhirRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    let ctx: Ctx | undefined;
    try {
      ctx = requestCtx(request.headers, null);
      const access = await verifyAccessToken(ctx, { authorization: request.headers.get("authorization") });
      await limitAppCalls(ctx.db, access, appCallLimits(ctx.config.fhirCallsPerMinute));
      const resolved = await params;
      checkRouteInput(request, resolved);
      return withFhirHeaders(await handler(ctx, { request, access, params: resolved }));
    } catch (error) {
      return withFhirHeaders(fhirErrorResponse(error, ctx?.log));
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
    withFhirHeaders(
      fhirJson(operationOutcome("not-supported", `This method is not supported here; use ${allowed}.`), {
        status: 405,
        headers: { Allow: `${allowed}, OPTIONS` },
      }),
    );
}
