import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isValidNir, normalizeNir } from "@/lib/identifiers/nir";
import { birthDay, hasNul } from "@/lib/schemas/boundary";
import { normalizeSpaceCode } from "@/lib/identifiers/space-code";
import { recordProfessionalAccessNow } from "@/lib/server/access/record-professional-access";
import { consumeAbuseLimit } from "@/lib/server/auth/abuse-limits";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { professionalOf } from "./professional-of";

export const findPatientSchema = z.object({
  identifier: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .refine((value) => !hasNul(value)),
  // A real day from 1900 to today: year 0 or 2024-13-45 reached PostgreSQL and came back a 500.
  birthDate: birthDay(),
});

/**
 * A professional finds a patient by the identifier the patient gave them (a qualified NIR, or the
 * space code) and their birth date: both must match, so an identifier alone finds no one. The answer is the same for
 * no match, a wrong birth date and a patient who blocked this professional (they can neither see nor
 * ask). Rate-limited per professional and per address; a match is written in the patient's history, without
 * the first-access alert: looking someone up reads nothing of their record.
 */
export async function findPatientForProfessional({ db, actor, ip: ipAddress }: SignedInCtx, input: z.input<typeof findPatientSchema>) {
  const { identifier, birthDate } = findPatientSchema.parse(input);
  const professional = await professionalOf(db, actor);
  const limit = await consumeAbuseLimit(db, { action: "patientLookup", subject: professional.id, ipAddress });
  if (!limit.allowed)
    throw new AppError("RATE_LIMITED", "Too many patient look-ups.", { messageValues: { retryAfterSeconds: limit.retryAfterSeconds } });

  const nir = normalizeNir(identifier);
  const spaceCode = normalizeSpaceCode(identifier);
  // By a qualified NIR only: a declared one is whatever someone typed at sign-up, and finding its
  // first claimant would hand a squatter the real person's records.
  const where: Prisma.UserWhereInput | null = isValidNir(nir)
    ? { identityQualification: { is: { nir } } }
    : spaceCode
      ? { spaceCode }
      : null;
  if (!where) throw new AppError("NOT_FOUND", "No patient matches.", { messageKey: "pro.find.notFound" });
  const patient = await db.user.findFirst({
    where: { ...where, birthDate: new Date(`${birthDate}T00:00:00Z`), status: "ACTIVE", roles: { has: "PATIENT" } },
    select: { id: true, firstName: true, lastName: true, birthDate: true },
  });
  const blocked =
    patient &&
    (await db.professionalBlock.findUnique({
      where: { patientId_professionalId: { patientId: patient.id, professionalId: professional.id } },
    }));
  if (!patient || blocked) throw new AppError("NOT_FOUND", "No patient matches.", { messageKey: "pro.find.notFound" });

  const historyActor = await historyActorOf(db, actor, "PROFESSIONAL");
  await recordProfessionalAccessNow(db, {
    patientId: patient.id,
    actor: historyActor,
    action: "PATIENT_LOOKED_UP",
    details: { professionalId: professional.id },
    ipAddress,
  });
  return {
    id: patient.id,
    firstName: patient.firstName,
    lastName: patient.lastName,
    birthDate: patient.birthDate!.toISOString().slice(0, 10),
  };
}
