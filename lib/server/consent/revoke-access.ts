import "server-only";
import { professionalRefSchema } from "@/lib/consent/access-schemas";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { authorizeConsent, findProfessional, type ConsentContext } from "./consent-context";
import { accessSnapshot, recordConsentChange } from "./consent-record";

/**
 * Ends a professional's access now. The decision module reads grants on every request, so their next
 * request is already refused. Only an access in force can be revoked (NOT_FOUND otherwise), and a
 * conditional update makes two revocations at once count as one.
 */
export async function revokeAccess(db: Db, context: ConsentContext, input: { professionalId: string }): Promise<{ receiptId: string }> {
  const { professionalId } = professionalRefSchema.parse(input);
  const historyActor = await authorizeConsent(db, context);
  const professional = await findProfessional(db, professionalId);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const where = { patientId: context.patientId, professionalId, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: now } }] };
    const grant = await tx.accessGrant.findFirst({ where, select: { id: true, scope: true, categories: true, documentIds: true, canAdd: true, validFrom: true, validUntil: true } });
    const { count } = grant ? await tx.accessGrant.updateMany({ where: { id: grant.id, revokedAt: null }, data: { revokedAt: now } }) : { count: 0 };
    if (!grant || count === 0) throw new AppError("NOT_FOUND", "No access in force.", { messageKey: "access.errors.noActiveGrant" });
    const receiptId = await recordConsentChange(tx, {
      context,
      historyActor,
      action: "ACCESS_REVOKED",
      professional,
      receipt: { change: "REVOKED", access: accessSnapshot(grant), endedAt: now },
      now,
    });
    return { receiptId: receiptId! };
  });
}
