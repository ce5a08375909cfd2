import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/policy/policy";
import type { AccessFacts } from "./decide-health-access";

/**
 * A grant's terms as decideHealthAccess reads them. The patient's access page lists grants with the same
 * select, so what the patient is shown of a grant is what the rule decides on.
 */
export const grantTermsSelect = {
  id: true,
  scope: true,
  categories: true,
  documentIds: true,
  canAdd: true,
  validFrom: true,
  validUntil: true,
  revokedAt: true,
} as const satisfies Prisma.AccessGrantSelect;

type FactsDb = Pick<Db, "professional" | "patientAccessSettings" | "professionalBlock" | "accessGrant" | "emergencyAccess">;

/**
 * What decideHealthAccess needs about `actor` and one patient, read at the moment of the request (so
 * a revocation takes effect on the very next request). For the patient themself, or anyone who is not
 * a professional, there is nothing to read.
 */
export async function loadAccessFacts(db: FactsDb, actor: Actor, patientId: string, now = new Date()): Promise<AccessFacts> {
  const facts: AccessFacts = {
    patientId,
    now,
    professional: null,
    blocked: false,
    isTreatingDoctor: false,
    grant: null,
    emergencyAccessEnabled: true,
    emergencyAccessId: null,
  };
  if (!actor || actor.userId === patientId || !actor.roles.includes("PROFESSIONAL")) return facts;
  const professional = await db.professional.findUnique({ where: { userId: actor.userId }, select: { id: true, emergencyStaff: true } });
  if (!professional) return facts;
  const [settings, block, grant, emergency] = await Promise.all([
    db.patientAccessSettings.findUnique({ where: { patientId }, select: { treatingDoctorId: true, emergencyAccessEnabled: true } }),
    db.professionalBlock.findUnique({
      where: { patientId_professionalId: { patientId, professionalId: professional.id } },
      select: { createdAt: true },
    }),
    db.accessGrant.findUnique({
      where: { patientId_professionalId: { patientId, professionalId: professional.id } },
      select: grantTermsSelect,
    }),
    db.emergencyAccess.findFirst({
      where: { patientId, professionalId: professional.id, endedAt: null, expiresAt: { gt: now } },
      orderBy: { expiresAt: "desc" },
      select: { id: true },
    }),
  ]);
  return {
    ...facts,
    professional,
    blocked: !!block,
    isTreatingDoctor: settings?.treatingDoctorId === professional.id,
    grant,
    emergencyAccessEnabled: settings?.emergencyAccessEnabled ?? true,
    emergencyAccessId: emergency?.id ?? null,
  };
}
