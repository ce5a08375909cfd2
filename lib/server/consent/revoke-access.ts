import "server-only";
import { professionalRefSchema } from "@/lib/consent/access-schemas";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { authorizeConsent, findProfessional } from "./consent-context";
import { accessSnapshot, recordConsentChange } from "./consent-record";
import { closeEmergencyAccesses } from "./end-emergency-access";

/**
 * Ends a professional's access now: their consent and any emergency access ("bris de glace") in
 * force, since "Retirer l'accès" means they see nothing more. The decision module reads both on every
 * request, so their next request is already refused. NOT_FOUND when neither is in force; conditional
 * updates make two revocations at once count as one. With only an emergency access to end, the
 * change is recorded as that.
 */
export async function revokeAccess(ctx: SignedInCtx, input: { patientId: string; professionalId: string }): Promise<{ receiptId: string }> {
  const { professionalId } = professionalRefSchema.parse(input);
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const professional = await findProfessional(db, professionalId);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const where = {
      patientId: patient.patientId,
      professionalId,
      revokedAt: null,
      OR: [{ validUntil: null }, { validUntil: { gt: now } }],
    };
    const found = await tx.accessGrant.findFirst({
      where,
      select: { id: true, scope: true, categories: true, documentIds: true, canAdd: true, validFrom: true, validUntil: true },
    });
    const { count } = found
      ? await tx.accessGrant.updateMany({ where: { id: found.id, revokedAt: null }, data: { revokedAt: now } })
      : { count: 0 };
    const grant = count > 0 ? found : null;
    const emergency = await closeEmergencyAccesses(tx, { patientId: patient.patientId, professionalId, now });
    if (!grant && emergency.length === 0)
      throw new AppError("NOT_FOUND", "No access in force.", { messageKey: "access.errors.noActiveGrant" });
    const emergencyIds = emergency.map((access) => access.id);
    const receiptId = await recordConsentChange(tx, {
      patient,
      action: grant ? "ACCESS_REVOKED" : "EMERGENCY_ACCESS_ENDED",
      professional,
      details: emergencyIds.length ? { emergencyAccessIds: emergencyIds } : undefined,
      receipt: {
        change: grant ? "REVOKED" : "EMERGENCY_ACCESS_ENDED",
        access: grant ? accessSnapshot(grant) : null,
        emergency,
        endedAt: now,
      },
      now,
    });
    return { receiptId: receiptId! };
  });
}
