import "server-only";
import { z } from "zod";
import { loadAccessFacts } from "@/lib/server/access/load-access-facts";
import { recordProfessionalAccess } from "@/lib/server/access/record-professional-access";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { professionalOf } from "./professional-of";

export const accessRequestSchema = z.object({ message: z.string().trim().max(500).optional() });

/**
 * A professional asks the patient for access; the patient accepts (choosing the scope) or refuses
 * from "Gestion des accès". One pending request at a time per pair. A blocked professional cannot
 * ask (the patient is simply not found for them).
 */
export async function requestAccess(
  { db, actor, ip: ipAddress }: SignedInCtx,
  { patientId, ...input }: { patientId: string } & z.input<typeof accessRequestSchema>,
) {
  const { message } = accessRequestSchema.parse(input);
  const professional = await professionalOf(db, actor);
  const patient = await db.user.findFirst({ where: { id: patientId, status: "ACTIVE", roles: { has: "PATIENT" } }, select: { id: true } });
  if (!patient) throw new AppError("NOT_FOUND");
  const facts = await loadAccessFacts(db, actor, patient.id);
  if (facts.blocked) throw new AppError("NOT_FOUND");
  const historyActor = await historyActorOf(db, actor, "PROFESSIONAL");
  const { request, messageId } = await db.$transaction(async (tx) => {
    // Serialises this pair's requests, so two clicks make one request.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`access-request:${patient.id}:${professional.id}`}, 0))`;
    const pending = await tx.accessRequest.findFirst({
      where: { patientId: patient.id, professionalId: professional.id, status: "PENDING" },
      select: { id: true },
    });
    if (pending) throw new AppError("CONFLICT", "A request is already pending.", { messageKey: "pro.request.alreadyPending" });
    const request = await tx.accessRequest.create({
      data: { patientId: patient.id, professionalId: professional.id, message: message || null },
      select: { id: true },
    });
    const alert = await recordProfessionalAccess(tx, {
      patientId: patient.id,
      actor: historyActor,
      action: "ACCESS_REQUESTED",
      details: { professionalId: professional.id, requestId: request.id },
      ipAddress,
    });
    return { request, messageId: alert.messageId };
  });
  if (messageId) afterCommitDeliver(messageId);
  return request;
}
