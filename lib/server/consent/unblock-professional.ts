import "server-only";
import { professionalRefSchema } from "@/lib/consent/access-schemas";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { authorizeConsent, findProfessional } from "./consent-context";
import { recordConsentChange } from "./consent-record";

/** Lifts a block. The access it ended does not come back: the patient grants again if they wish. */
export async function unblockProfessional(
  ctx: SignedInCtx,
  input: { patientId: string; professionalId: string },
): Promise<{ receiptId: string }> {
  const { professionalId } = professionalRefSchema.parse(input);
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const professional = await findProfessional(db, professionalId);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.professionalBlock.deleteMany({ where: { patientId: patient.patientId, professionalId } });
    if (count === 0) throw new AppError("NOT_FOUND", "Not blocked.", { messageKey: "access.errors.notBlocked" });
    const receiptId = await recordConsentChange(tx, {
      patient,
      action: "PROFESSIONAL_UNBLOCKED",
      professional,
      receipt: { change: "UNBLOCKED" },
      now,
    });
    return { receiptId: receiptId! };
  });
}
