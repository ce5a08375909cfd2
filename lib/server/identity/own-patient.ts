import "server-only";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";

/** The signed-in patient acting on their own identity; anyone else is refused. */
export function ownPatientId(actor: Actor): string {
  if (!actor || actor.stage !== "FULL") throw new AppError("UNAUTHENTICATED");
  if (!actor.roles.includes("PATIENT")) throw new AppError("FORBIDDEN", "Not a patient.");
  return actor.userId;
}
