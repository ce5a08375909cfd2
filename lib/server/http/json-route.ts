import "server-only";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { nulPath } from "@/lib/schemas/boundary";
import { requireFullSession } from "@/lib/server/auth/current-session";
import { getConfig } from "@/lib/server/config";
import { AppError, type ApiErrorBody } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { actorOf, type Actor } from "@/lib/server/policy/policy";
import { contextFromHeaders } from "@/lib/server/request-context";
import { asInputError, checkRouteInput } from "./route-input";

const NO_STORE = { "Cache-Control": "no-store" };

export type RouteContext = { request: Request; actor: Actor; userId: string; ipAddress: string | null };

/**
 * A JSON route handler of the signed-in person's space. Requires a full session (401 otherwise);
 * for anything but GET, requires the request to come from the app's own origin (route handlers get
 * no CSRF protection from Next.js, unlike server actions) — the session cookie is also SameSite=Lax.
 * Errors become `{ code, message }` in the user's language, with their status; nothing else leaks.
 * An id in the path that is not a UUID is a 404 and a NUL in the query a 400 (route-input.ts).
 */
export function jsonRoute<P>(handler: (context: RouteContext, params: P) => Promise<Response | unknown>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      const session = await requireFullSession();
      const context: RouteContext = { request, actor: actorOf(session), userId: session.user.id, ipAddress: contextFromHeaders(request.headers).ipAddress ?? null };
      const resolved = await params;
      checkRouteInput(request, resolved);
      const result = await handler(context, resolved);
      if (result instanceof Response) return result;
      return NextResponse.json(result, { headers: NO_STORE });
    } catch (error) {
      return errorResponse(error);
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

/** The `{ code, message }` answer of an error, translated; `status` overrides the code's own (e.g. 411). */
export async function errorResponse(error: unknown, { status }: { status?: number } = {}): Promise<Response> {
  error = asInputError(error);
  if (!(error instanceof AppError)) {
    logger.error({ event: "route.failed", err: error }, "Route handler failed.");
    error = new AppError("INTERNAL");
  }
  const appError = error as AppError;
  const t = await getTranslations();
  const message =
    appError.messageKey && t.has(appError.messageKey as never) ? t(appError.messageKey as never, appError.messageValues as never) : t(`errors.${appError.code}` as never);
  const body: ApiErrorBody & { field?: string } = { code: appError.code, message, ...(appError.field ? { field: appError.field } : {}) };
  return NextResponse.json(body, { status: status ?? appError.status, headers: NO_STORE });
}
