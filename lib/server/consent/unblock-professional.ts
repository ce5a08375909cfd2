import "server-only";
import { professionalRefSchema } from "@/lib/consent/access-schemas";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { authorizeConsent, findProfessional, type ConsentContext } from "./consent-context";
import { recordConsentChange } from "./consent-record";

/** Lifts a block. The access it ended does not come back: the patient grants again if they wish. */
export async function unblockProfessional(db: Db, context: ConsentContext, input: { professionalId: string }): Promise<{ receiptId: string }> {
  const { professionalId } = professionalRefSchema.parse(input);
  const historyActor = await authorizeConsent(db, context);
  const professional = await findProfessional(db, professionalId);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.professionalBlock.deleteMany({ where: { patientId: context.patientId, professionalId } });
    if (count === 0) throw new AppError("NOT_FOUND", "Not blocked.", { messageKey: "access.errors.notBlocked" });
    const receiptId = await recordConsentChange(tx, { context, historyActor, action: "PROFESSIONAL_UNBLOCKED", professional, receipt: { change: "UNBLOCKED" }, now });
    return { receiptId: receiptId! };
  });
}
