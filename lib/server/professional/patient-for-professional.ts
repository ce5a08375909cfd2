import "server-only";
import { decideHealthAccess, isGrantActive } from "@/lib/server/access/decide-health-access";
import { loadAccessFacts } from "@/lib/server/access/load-access-facts";
import type { DocumentCategory, IdentityQualificationMethod } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { mayQualifyIdentity } from "@/lib/server/identity/may-qualify";
import { professionalOf } from "./professional-of";

export type ProfessionalPatientView = {
  patient: { id: string; firstName: string; lastName: string; birthDate: string | null };
  /** What this professional may do now, and why. */
  canRead: boolean;
  canAdd: boolean;
  basis: "TREATING_DOCTOR" | "CONSENT" | "EMERGENCY" | null;
  grant: { scope: "ALL_VISIBLE" | "CATEGORIES" | "DOCUMENTS"; categories: DocumentCategory[]; validUntil: string | null } | null;
  emergencyAccessUntil: string | null;
  /** Emergency staff, the patient allows emergency access, and none is open yet. */
  canBreakGlass: boolean;
  pendingRequest: boolean;
  /** The patient's identity: qualified (how, when), and whether this professional may qualify it now. */
  identity: { qualification: { method: IdentityQualificationMethod; qualifiedAt: string } | null; canQualify: boolean };
};

/**
 * The patient page of the professional space: who the patient is and what this professional may do,
 * decided by the authorization module. A patient who blocked them, or who is not a patient, is not
 * found, nor one they never looked up nor had a relationship with; one they found but have no access
 * to is shown by name only (they typed the identifier and birth date) with the way to ask.
 */
export async function patientForProfessional(
  { db, actor }: SignedInCtx,
  { patientId }: { patientId: string },
): Promise<ProfessionalPatientView> {
  const professional = await professionalOf(db, actor);
  const patient = await db.user.findFirst({
    where: { id: patientId, status: "ACTIVE", roles: { has: "PATIENT" } },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      identityQualification: { select: { method: true, createdAt: true } },
    },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  const facts = await loadAccessFacts(db, actor, patient.id);
  if (facts.blocked) throw new AppError("NOT_FOUND");
  // Holding a patient's id is not enough: the professional must have found them (identifier and birth
  // date, which the history records) or have a relationship with them (consent, médecin traitant).
  const known =
    facts.grant ||
    facts.isTreatingDoctor ||
    (await db.historyEntry.findFirst({ where: { patientId: patient.id, actorId: actor!.userId }, select: { id: true } }));
  if (!known) throw new AppError("NOT_FOUND");
  const read = decideHealthAccess(actor, facts, { kind: "documentList" }, "read");
  const add = decideHealthAccess(actor, facts, { kind: "documentList" }, "add");
  const [emergency, pending] = await Promise.all([
    facts.emergencyAccessId ? db.emergencyAccess.findUnique({ where: { id: facts.emergencyAccessId }, select: { expiresAt: true } }) : null,
    db.accessRequest.count({ where: { patientId: patient.id, professionalId: professional.id, status: "PENDING" } }),
  ]);
  const grant = isGrantActive(facts.grant, facts.now) ? facts.grant : null;
  const { identityQualification: qualification, ...person } = patient;
  return {
    patient: { ...person, birthDate: person.birthDate?.toISOString().slice(0, 10) ?? null },
    canRead: read.allowed,
    canAdd: add.allowed,
    basis: read.allowed && read.basis !== "OWNER" ? read.basis : null,
    grant: grant ? { scope: grant.scope, categories: grant.categories, validUntil: grant.validUntil?.toISOString() ?? null } : null,
    emergencyAccessUntil: emergency?.expiresAt.toISOString() ?? null,
    canBreakGlass: professional.emergencyStaff && facts.emergencyAccessEnabled && !facts.emergencyAccessId,
    pendingRequest: pending > 0,
    identity: {
      qualification: qualification ? { method: qualification.method, qualifiedAt: qualification.createdAt.toISOString() } : null,
      canQualify: !qualification && mayQualifyIdentity(actor, facts),
    },
  };
}
