import "server-only";
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
