import "server-only";
import { z } from "zod";
import { loadAccessFacts } from "@/lib/server/access/load-access-facts";
import { recordProfessionalAccess } from "@/lib/server/access/record-professional-access";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { professionalOf } from "./professional-of";

/** How long a break-glass access stays open: one emergency, not a standing access. */
export const EMERGENCY_ACCESS_HOURS = 4;

export const breakGlassSchema = z.object({ reason: z.string().trim().min(10).max(500) });

/**
 * "Bris de glace": an emergency professional opens the patient's visible documents without consent,
 * stating why. Refused when the patient switched emergency access off or blocked this professional.
 * The access, with its reason, is in the history at once and the patient is alerted (always).
 */
export async function breakGlass(
  { db, actor, ip: ipAddress, now }: SignedInCtx,
  { patientId, ...input }: { patientId: string } & z.input<typeof breakGlassSchema>,
) {
  const parsed = breakGlassSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError("BAD_REQUEST", "An emergency access needs a reason.", {
      messageKey: "pro.emergency.reasonRequired",
      field: "reason",
    });
  const professional = await professionalOf(db, actor);
  if (!professional.emergencyStaff) throw new AppError("FORBIDDEN", "Not emergency staff.");
  const patient = await db.user.findFirst({ where: { id: patientId, status: "ACTIVE", roles: { has: "PATIENT" } }, select: { id: true } });
  if (!patient) throw new AppError("NOT_FOUND");
  const facts = await loadAccessFacts(db, actor, patient.id);
  if (facts.blocked) throw new AppError("NOT_FOUND");
  if (!facts.emergencyAccessEnabled)
    throw new AppError("FORBIDDEN", "The patient switched emergency access off.", { messageKey: "pro.emergency.disabled" });
  const historyActor = await historyActorOf(db, actor, "PROFESSIONAL");
  const expiresAt = new Date(now().getTime() + EMERGENCY_ACCESS_HOURS * 60 * 60 * 1000);
  const { access, messageId } = await db.$transaction(async (tx) => {
    const access = await tx.emergencyAccess.create({
      data: { patientId: patient.id, professionalId: professional.id, reason: parsed.data.reason, expiresAt },
      select: { id: true, expiresAt: true },
    });
    const alert = await recordProfessionalAccess(tx, {
      patientId: patient.id,
      actor: historyActor,
      action: "EMERGENCY_ACCESS",
      details: { basis: "EMERGENCY", professionalId: professional.id, emergencyAccessId: access.id, reason: parsed.data.reason },
      ipAddress,
    });
    return { access, messageId: alert.messageId };
  });
  if (messageId) afterCommitDeliver(messageId);
  return access;
}
