import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import type { HistoryActor } from "@/lib/server/history/record-history";

/** Whose consent a service reads or changes, once allowed: how the history names who acts, and from where. */
export type ConsentPatient = { patientId: string; historyActor: HistoryActor; ipAddress: string | null };

/**
 * Every consent service starts here: only the patient themself may read or change their consent
 * (the one health-data decision, `consent`/`manage`, asked for the patient named, whoever the actor).
 */
export async function authorizeConsent(ctx: SignedInCtx, patientId: string): Promise<ConsentPatient> {
  await authorizeHealth(ctx.db, ctx.actor, patientId, { kind: "consent" }, "manage");
  return { patientId, historyActor: await historyActorOf(ctx.db, ctx.actor, "PATIENT"), ipAddress: ctx.ip };
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
