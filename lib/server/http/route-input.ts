import "server-only";
import { z } from "zod";
import { nulPath, uuid } from "@/lib/schemas/boundary";
import { AppError } from "@/lib/server/errors";

/** Path segments that name a row (`[id]`, `[patientId]`…): every key in the database is a UUID. */
const ID_PARAM = /^(id|\w+Id)$/;

/**
 * Checks what a route handler receives before it runs: an id in the path that is not a UUID names
 * nothing (404, as an unknown or someone else's id does, so ids cannot be probed), and a query value
 * with a NUL is refused (400) since no database text can hold one.
 */
export function checkRouteInput(request: Request, params: unknown): void {
  if (params && typeof params === "object") {
    for (const [key, value] of Object.entries(params)) {
      if (ID_PARAM.test(key) && !uuid.safeParse(value).success) throw new AppError("NOT_FOUND", "Path id is not a UUID.");
    }
  }
  const field = nulPath(Object.fromEntries(new URL(request.url).searchParams));
  if (field !== null) throw new AppError("BAD_REQUEST", "NUL in the query string.", { field });
}

/** A zod failure that escaped a service's own parse is the caller's input, not a server fault. */
export function asInputError(error: unknown): unknown {
  if (!(error instanceof z.ZodError)) return error;
  const field = error.issues[0]?.path.join(".") || undefined;
  return new AppError("BAD_REQUEST", `Invalid input${field ? ` (${field})` : ""}.`, { field, cause: error });
}
