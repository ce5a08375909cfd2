import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { authorizeConsent, findProfessional, type ConsentContext, type ProfessionalSummary } from "./consent-context";
import { grantState, type GrantView } from "./get-access-overview";

export type ProfessionalAccess = {
  professional: ProfessionalSummary;
  grant: Omit<GrantView, "professional"> | null;
  blocked: boolean;
  isTreatingDoctor: boolean;
};

/** One professional of the directory and where they stand with the patient: grant, block, médecin traitant. */
export async function getProfessionalAccess(db: Db, context: ConsentContext, input: { professionalId: string }): Promise<ProfessionalAccess> {
  const parsed = z.object({ professionalId: z.uuid() }).safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND");
  await authorizeConsent(db, context);
  const { patientId } = context;
  const professionalId = parsed.data.professionalId;
  const professional = await findProfessional(db, professionalId);
  const [grant, block, settings] = await Promise.all([
    db.accessGrant.findUnique({
      where: { patientId_professionalId: { patientId, professionalId } },
      select: { id: true, scope: true, categories: true, documentIds: true, canAdd: true, validFrom: true, validUntil: true, revokedAt: true },
    }),
    db.professionalBlock.findUnique({ where: { patientId_professionalId: { patientId, professionalId } }, select: { createdAt: true } }),
    db.patientAccessSettings.findUnique({ where: { patientId }, select: { treatingDoctorId: true } }),
  ]);
  return {
    professional,
    grant: grant ? { ...grant, state: grantState(grant, new Date()) } : null,
    blocked: !!block,
    isTreatingDoctor: settings?.treatingDoctorId === professionalId,
  };
}
