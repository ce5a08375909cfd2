import "server-only";
import { professionalRefSchema } from "@/lib/consent/access-schemas";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { authorizeConsent, findProfessional } from "./consent-context";
import { emergencySnapshot, recordConsentChange } from "./consent-record";

/**
 * Ends, inside the caller's transaction, every break-glass access of this professional to this
 * patient still in force. One conditional UPDATE: two endings at once end each access once, and the
 * decision (load-access-facts.ts) refuses the professional from their next request on.
 */
export async function closeEmergencyAccesses(
  tx: Pick<Tx, "emergencyAccess">,
  { patientId, professionalId, now }: { patientId: string; professionalId: string; now: Date },
) {
  const ended = await tx.emergencyAccess.updateManyAndReturn({
    where: { patientId, professionalId, endedAt: null, expiresAt: { gt: now } },
    data: { endedAt: now },
    select: { id: true, reason: true, createdAt: true, expiresAt: true },
  });
  return ended.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(emergencySnapshot);
}

/**
 * The patient ends a professional's emergency access ("bris de glace") before it expires, keeping
 * whatever consent they gave. NOT_FOUND when none is in force. History entry and receipt as for any
 * consent change.
 */
export async function endEmergencyAccess(
  ctx: SignedInCtx,
  input: { patientId: string; professionalId: string },
): Promise<{ receiptId: string }> {
  const { professionalId } = professionalRefSchema.parse(input);
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const professional = await findProfessional(db, professionalId);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const emergency = await closeEmergencyAccesses(tx, { patientId: patient.patientId, professionalId, now });
    if (emergency.length === 0)
      throw new AppError("NOT_FOUND", "No emergency access in force.", { messageKey: "access.errors.noEmergencyAccess" });
    const receiptId = await recordConsentChange(tx, {
      patient,
      action: "EMERGENCY_ACCESS_ENDED",
      professional,
      details: { emergencyAccessIds: emergency.map((access) => access.id) },
      receipt: { change: "EMERGENCY_ACCESS_ENDED", emergency, endedAt: now },
      now,
    });
    return { receiptId: receiptId! };
  });
}
