import "server-only";
import { professionalRefSchema } from "@/lib/consent/access-schemas";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { authorizeConsent, findProfessional } from "./consent-context";
import { accessSnapshot, recordConsentChange } from "./consent-record";
import { closeEmergencyAccesses } from "./end-emergency-access";

/**
 * Blocks a professional: they can neither see nor ask, emergency included. In the same transaction
 * their access in force and any emergency access they opened are ended (so that lifting the block
 * later gives nothing back), their pending requests are refused, and they stop being the médecin
 * traitant; the receipt and the history say which of these happened.
 */
export async function blockProfessional(
  ctx: SignedInCtx,
  input: { patientId: string; professionalId: string },
): Promise<{ receiptId: string }> {
  const { professionalId } = professionalRefSchema.parse(input);
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const professional = await findProfessional(db, professionalId);
  const { patientId } = patient;
  const now = new Date();
  try {
    return await db.$transaction(async (tx) => {
      await tx.professionalBlock.create({ data: { patientId, professionalId, createdAt: now }, select: { createdAt: true } });
      const grant = await tx.accessGrant.findFirst({
        where: { patientId, professionalId, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
        select: { id: true, scope: true, categories: true, documentIds: true, canAdd: true, validFrom: true, validUntil: true },
      });
      if (grant) await tx.accessGrant.update({ where: { id: grant.id }, data: { revokedAt: now }, select: { id: true } });
      const emergency = await closeEmergencyAccesses(tx, { patientId, professionalId, now });
      const refused = await tx.accessRequest.updateMany({
        where: { patientId, professionalId, status: "PENDING" },
        data: { status: "REFUSED", decidedAt: now },
      });
      const treating = await tx.patientAccessSettings.updateMany({
        where: { patientId, treatingDoctorId: professionalId },
        data: { treatingDoctorId: null },
      });
      const receiptId = await recordConsentChange(tx, {
        patient,
        action: "PROFESSIONAL_BLOCKED",
        professional,
        details: {
          accessRevoked: !!grant,
          emergencyAccessIds: emergency.map((access) => access.id),
          requestsRefused: refused.count,
          treatingDoctorRemoved: treating.count > 0,
        },
        receipt: {
          change: "BLOCKED",
          access: grant ? accessSnapshot(grant) : null,
          emergency,
          endedAt: grant || emergency.length ? now : null,
        },
        now,
      });
      return { receiptId: receiptId! };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Already blocked.", { messageKey: "access.errors.alreadyBlocked" });
    }
    throw error;
  }
}
