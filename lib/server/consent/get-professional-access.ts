import "server-only";
import { z } from "zod";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { authorizeConsent, findProfessional, type ProfessionalSummary } from "./consent-context";
import { grantState, type GrantView } from "./get-access-overview";
import { grantTermsSelect } from "@/lib/server/access/load-access-facts";

export type ProfessionalAccess = {
  professional: ProfessionalSummary;
  grant: Omit<GrantView, "professional"> | null;
  blocked: boolean;
  isTreatingDoctor: boolean;
  /** Their break-glass access in force, the latest if several. */
  emergencyAccess: { reason: string; openedAt: Date; until: Date } | null;
};

/** One professional of the directory and where they stand with the patient: grant, emergency access, block, médecin traitant. */
export async function getProfessionalAccess(
  ctx: SignedInCtx,
  input: { patientId: string; professionalId: string },
): Promise<ProfessionalAccess> {
  const parsed = z.object({ professionalId: z.uuid() }).safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND");
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const { patientId } = patient;
  const professionalId = parsed.data.professionalId;
  const professional = await findProfessional(db, professionalId);
  const now = new Date();
  const [grant, block, settings, emergency] = await Promise.all([
    db.accessGrant.findUnique({
      where: { patientId_professionalId: { patientId, professionalId } },
      select: grantTermsSelect,
    }),
    db.professionalBlock.findUnique({ where: { patientId_professionalId: { patientId, professionalId } }, select: { createdAt: true } }),
    db.patientAccessSettings.findUnique({ where: { patientId }, select: { treatingDoctorId: true } }),
    db.emergencyAccess.findFirst({
      where: { patientId, professionalId, endedAt: null, expiresAt: { gt: now } },
      orderBy: { expiresAt: "desc" },
      select: { reason: true, createdAt: true, expiresAt: true },
    }),
  ]);
  return {
    professional,
    grant: grant ? { ...grant, state: grantState(grant, now) } : null,
    blocked: !!block,
    isTreatingDoctor: settings?.treatingDoctorId === professionalId,
    emergencyAccess: emergency ? { reason: emergency.reason, openedAt: emergency.createdAt, until: emergency.expiresAt } : null,
  };
}
