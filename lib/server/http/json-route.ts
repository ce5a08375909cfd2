import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { nulPath } from "@/lib/schemas/boundary";
import { requireFullSession } from "@/lib/server/auth/current-session";
import { getConfig } from "@/lib/server/config";
import type { Logger } from "pino";
import { requestCtx, signedIn, type SignedInCtx } from "@/lib/server/context/ctx";
import { AppError, asAppError, renderAppError, type ApiErrorBody } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { requestUncheckedTranslator } from "@/lib/server/request-translator";
import { actorOf } from "@/lib/server/policy/policy";
import { checkRouteInput } from "./route-input";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * A JSON route handler of the signed-in person's space. Requires a full session (401 otherwise);
 * for anything but GET, requires the request to come from the app's own origin (route handlers get
 * no CSRF protection from Next.js, unlike server actions) — the session cookie is also SameSite=Lax.
 * Errors become `{ code, message }` in the user's language, with their status; nothing else leaks.
 * An id in the path that is not a UUID is a 404 and a NUL in the query a 400 (route-input.ts).
 * The handler gets the request's one context (its actor is the session's person) and the path params.
 */
export function jsonRoute<P>(handler: (ctx: SignedInCtx, route: { request: Request; params: P }) => Promise<Response | unknown>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    let ctx: SignedInCtx | undefined;
    try {
      if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      const session = await requireFullSession();
      ctx = signedIn(requestCtx(request.headers, actorOf(session)));
      const resolved = await params;
      checkRouteInput(request, resolved);
      const result = await handler(ctx, { request, params: resolved });
      if (result instanceof Response) return result;
      return NextResponse.json(result, { headers: NO_STORE });
    } catch (error) {
      return errorResponse(error, { log: ctx?.log });
    }
  };
}

/** A request's JSON body, parsed with `schema`; a malformed one is a BAD_REQUEST naming the field. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch (error) {
    throw new AppError("BAD_REQUEST", "Body is not JSON.", { cause: error });
  }
  const nul = nulPath(body);
  if (nul !== null) throw new AppError("BAD_REQUEST", "NUL in the body.", { field: nul || undefined });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join(".") || undefined;
    throw new AppError("BAD_REQUEST", `Invalid body${field ? ` (${field})` : ""}.`, { field });
  }
  return parsed.data;
}

export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin || origin !== new URL(getConfig().appUrl).origin) throw new AppError("FORBIDDEN", "Cross-origin or no Origin header.");
}

/**
 * The `{ code, message }` answer of an error, translated (renderAppError); `status` overrides the
 * code's own (e.g. 411). An unexpected error is logged, with the request id when the caller has one.
 */
export async function errorResponse(
  error: unknown,
  { status, log = logger }: { status?: number; log?: Pick<Logger, "error"> } = {},
): Promise<Response> {
  if (!asAppError(error)) log.error({ event: "route.failed", err: error }, "Route handler failed.");
  const { status: codeStatus, ...body } = renderAppError(error, await requestUncheckedTranslator());
  return NextResponse.json(body satisfies ApiErrorBody & { field?: string }, { status: status ?? codeStatus, headers: NO_STORE });
}
