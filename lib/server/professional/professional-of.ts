import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";

/** The professional record of a signed-in professional; anyone else is refused. */
export async function professionalOf(db: Pick<Db, "professional">, actor: Actor) {
  if (!actor || actor.stage !== "FULL") throw new AppError("UNAUTHENTICATED");
  if (!actor.roles.includes("PROFESSIONAL")) throw new AppError("FORBIDDEN", "Not a professional.");
  const professional = await db.professional.findUnique({
    where: { userId: actor.userId },
    select: { id: true, firstName: true, lastName: true, profession: true, specialty: true, rpps: true, emergencyStaff: true },
  });
  if (!professional) throw new AppError("FORBIDDEN", "No professional record for this account.");
  return professional;
}

export function professionalLabel(professional: { firstName: string; lastName: string; profession: string }): string {
  return `${professional.firstName} ${professional.lastName} (${professional.profession})`;
}
