import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import type { HistoryActor } from "@/lib/server/history/record-history";
import type { Actor } from "@/lib/server/policy/policy";

/** Who manages whose consent, and from where (for the history). */
export type ConsentContext = { actor: Actor; patientId: string; ipAddress?: string | null };

/**
 * Every consent service starts here: only the patient themself may read or change their consent
 * (the one health-data decision, `consent`/`manage`); returns how the history names them.
 */
export async function authorizeConsent(db: Db, context: ConsentContext): Promise<HistoryActor> {
  await authorizeHealth(db, context.actor, context.patientId, { kind: "consent" }, "manage");
  return historyActorOf(db, context.actor, "PATIENT");
}

export const professionalColumns = {
  id: true,
  rpps: true,
  firstName: true,
  lastName: true,
  profession: true,
  specialty: true,
  city: true,
  emergencyStaff: true,
} satisfies Prisma.ProfessionalSelect;

export type ProfessionalSummary = Prisma.ProfessionalGetPayload<{ select: typeof professionalColumns }>;

export function professionalName(professional: Pick<ProfessionalSummary, "firstName" | "lastName">): string {
  return `${professional.firstName} ${professional.lastName}`;
}

export async function findProfessional(db: Pick<Db, "professional">, professionalId: string): Promise<ProfessionalSummary> {
  const professional = await db.professional.findUnique({ where: { id: professionalId }, select: professionalColumns });
  if (!professional) throw new AppError("NOT_FOUND", "No such professional.", { messageKey: "access.errors.professionalNotFound" });
  return professional;
}
