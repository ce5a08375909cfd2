import "server-only";
import { treatingDoctorSchema } from "@/lib/consent/access-schemas";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { authorizeConsent, findProfessional, professionalName } from "./consent-context";
import { recordConsentChange } from "./consent-record";

/** The profession label (RPPS) of those who may be a médecin traitant. */
export const DOCTOR_PROFESSION = "Médecin";

/**
 * Designates the médecin traitant (who then sees every visible document and may add), or removes
 * them with null. Choosing the one already designated changes nothing and writes nothing.
 */
export async function setTreatingDoctor(
  ctx: SignedInCtx,
  input: { patientId: string; professionalId: string | null },
): Promise<{ receiptId: string | null }> {
  const { professionalId } = treatingDoctorSchema.parse(input);
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const { patientId } = patient;
  const now = new Date();
  const current = await db.patientAccessSettings.findUnique({ where: { patientId }, select: { treatingDoctorId: true } });
  const currentId = current?.treatingDoctorId ?? null;
  if (currentId === professionalId) return { receiptId: null };
  const previous = currentId ? await findProfessional(db, currentId) : null;

  if (!professionalId) {
    return db.$transaction(async (tx) => {
      await tx.patientAccessSettings.update({ where: { patientId }, data: { treatingDoctorId: null }, select: { patientId: true } });
      const receiptId = await recordConsentChange(tx, {
        patient,
        action: "TREATING_DOCTOR_REMOVED",
        professional: previous!,
        receipt: { change: "TREATING_DOCTOR_REMOVED" },
        now,
      });
      return { receiptId };
    });
  }

  const professional = await findProfessional(db, professionalId);
  if (professional.profession !== DOCTOR_PROFESSION) {
    throw new AppError("BAD_REQUEST", "A médecin traitant is a doctor.", {
      messageKey: "access.errors.notADoctor",
      field: "professionalId",
    });
  }
  const blocked = await db.professionalBlock.findUnique({
    where: { patientId_professionalId: { patientId, professionalId } },
    select: { createdAt: true },
  });
  if (blocked) throw new AppError("CONFLICT", "The professional is blocked.", { messageKey: "access.errors.professionalBlocked" });
  return db.$transaction(async (tx) => {
    await tx.patientAccessSettings.upsert({
      where: { patientId },
      create: { patientId, treatingDoctorId: professionalId },
      update: { treatingDoctorId: professionalId },
      select: { patientId: true },
    });
    const receiptId = await recordConsentChange(tx, {
      patient,
      action: "TREATING_DOCTOR_SET",
      professional,
      details: previous ? { replacedProfessionalId: previous.id, replacedProfessionalName: professionalName(previous) } : {},
      receipt: { change: "TREATING_DOCTOR_SET" },
      now,
    });
    return { receiptId };
  });
}
