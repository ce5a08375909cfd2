import "server-only";
import type { z } from "zod";
import { activationCodeSchema } from "@/lib/schemas/identity";
import { checkCode } from "@/lib/server/auth/codes/one-time-codes";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { consumeRateLimit } from "@/lib/server/rate-limit/consume-rate-limit";
import { applyQualification, type QualificationOutcome } from "./apply-qualification";
import { ownPatientId } from "./own-patient";

/** On top of the code's own five tries: tries across letters, per account. */
export const ACTIVATION_CODE_TRY_LIMIT = { limit: 10, windowSeconds: 24 * 60 * 60 } as const;

/**
 * Way 2, second half: the code from the letter qualifies the NIR it was issued for, provided the
 * patient still declares that NIR. Wrong, expired, used or spent codes get one answer. A NIR already
 * qualified on another space makes a conflict for support, like an in-person qualification.
 */
export async function qualifyWithActivationCode(
  { db, actor, ip }: SignedInCtx,
  input: z.input<typeof activationCodeSchema>,
): Promise<QualificationOutcome> {
  const patientId = ownPatientId(actor);
  const parsed = activationCodeSchema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "malformed code", { messageKey: "identity.form.codeInvalid", field: "code" });
  const limit = await consumeRateLimit(db, { key: `identity-code:account:${patientId}`, ...ACTIVATION_CODE_TRY_LIMIT });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "too many code tries", { messageKey: "identity.errors.tooManyTries" });
  const person = await db.user.findUniqueOrThrow({
    where: { id: patientId },
    select: { firstName: true, lastName: true, declaredNir: true },
  });
  const check = await checkCode(db, { userId: patientId, purpose: "IDENTITY_ACTIVATION", code: parsed.data.code });
  if (!check.ok || !check.target || check.target !== person.declaredNir) {
    throw new AppError("BAD_REQUEST", "activation code refused", { messageKey: "identity.errors.codeRefused", field: "code" });
  }
  return applyQualification(db, {
    patientId,
    nir: check.target,
    method: "POSTAL_CODE",
    documentType: null,
    professionalId: null,
    label: `${person.firstName} ${person.lastName}`,
    actor: await historyActorOf(db, actor, "PATIENT"),
    ipAddress: ip,
  });
}
