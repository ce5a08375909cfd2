import "server-only";
import type { z } from "zod";
import { nirMatchesBirthDate } from "@/lib/identifiers/nir";
import { qualifyInPersonSchema } from "@/lib/schemas/identity";
import { loadAccessFacts } from "@/lib/server/access/load-access-facts";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { professionalLabel, professionalOf } from "@/lib/server/professional/professional-of";
import { consumeRateLimit } from "@/lib/server/rate-limit/consume-rate-limit";
import { applyQualification, type QualificationOutcome } from "./apply-qualification";
import { mayQualifyIdentity } from "./may-qualify";

/** A day of consultations, not a way to try NIRs one after the other. */
export const QUALIFY_IN_PERSON_LIMIT = { limit: 30, windowSeconds: 60 * 60 } as const;

/**
 * Way 1: a professional who follows the patient (médecin traitant or consent in force) has checked an
 * identity document in person and confirms the NIR. The NIR must be the one the patient declared (or
 * becomes it when none was), and agree with the birth date. Recorded with who, when and which kind
 * of document — never its number. A NIR already qualified elsewhere makes a conflict for support.
 */
export async function qualifyIdentityInPerson(
  { db, actor, ip }: SignedInCtx,
  { patientId, ...input }: z.input<typeof qualifyInPersonSchema> & { patientId: string },
): Promise<QualificationOutcome> {
  const professional = await professionalOf(db, actor);
  const parsed = qualifyInPersonSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("BAD_REQUEST", "Invalid qualification.", { messageKey: issue?.message, field: String(issue?.path[0] ?? "nir") });
  }
  const { nir, documentType } = parsed.data;
  const patient = await db.user.findFirst({
    where: { id: patientId, status: "ACTIVE", roles: { has: "PATIENT" } },
    select: { id: true, birthDate: true, declaredNir: true },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  const facts = await loadAccessFacts(db, actor, patient.id);
  if (facts.blocked) throw new AppError("NOT_FOUND");
  if (!mayQualifyIdentity(actor, facts))
    throw new AppError("FORBIDDEN", "No standing access to this patient.", { messageKey: "identity.errors.noStandingAccess" });
  const limit = await consumeRateLimit(db, { key: `identity-qualify:pro:${professional.id}`, ...QUALIFY_IN_PERSON_LIMIT });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "Too many qualifications.");
  if (patient.declaredNir && patient.declaredNir !== nir) {
    throw new AppError("BAD_REQUEST", "NIR differs from the declared one.", {
      messageKey: "identity.errors.nirDiffersFromDeclared",
      field: "nir",
    });
  }
  if (!patient.birthDate || !nirMatchesBirthDate(nir, patient.birthDate)) {
    throw new AppError("BAD_REQUEST", "NIR does not match the birth date.", {
      messageKey: "identity.errors.nirDoesNotMatchBirthDate",
      field: "nir",
    });
  }
  return applyQualification(db, {
    patientId: patient.id,
    nir,
    method: "IN_PERSON",
    documentType,
    professionalId: professional.id,
    label: professionalLabel(professional),
    actor: await historyActorOf(db, actor, "PROFESSIONAL"),
    ipAddress: ip,
  });
}
