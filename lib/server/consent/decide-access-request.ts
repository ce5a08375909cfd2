import "server-only";
import { decideAccessRequestSchema, type DecideAccessRequestInput } from "@/lib/consent/access-schemas";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { authorizeConsent, findProfessional } from "./consent-context";
import { recordConsentChange } from "./consent-record";
import { checkGrantOptions, writeGrant } from "./write-grant";

/**
 * Answers a professional's pending request: accepting grants (or changes) access with the options the
 * patient chose, with its receipt; refusing only records the answer. Someone else's request, or one
 * already answered, is NOT_FOUND; the status moves from PENDING once, even with two answers at once.
 */
export async function decideAccessRequest(
  ctx: SignedInCtx,
  input: DecideAccessRequestInput & { patientId: string },
): Promise<{ receiptId: string | null }> {
  const decision = decideAccessRequestSchema.parse(input);
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const { patientId } = patient;
  const request = await db.accessRequest.findFirst({
    where: { id: decision.requestId, patientId, status: "PENDING" },
    select: { id: true, professionalId: true },
  });
  if (!request) throw new AppError("NOT_FOUND", "No such pending request.", { messageKey: "access.errors.requestNotFound" });
  const professional = await findProfessional(db, request.professionalId);
  const now = new Date();
  const grant = decision.accept
    ? await checkGrantOptions(db, { patientId, professionalId: professional.id, options: decision.grant, now })
    : null;

  return db.$transaction(async (tx) => {
    const { count } = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: grant ? "ACCEPTED" : "REFUSED", decidedAt: now },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Already answered.", { messageKey: "access.errors.requestNotFound" });
    if (!grant) {
      await recordConsentChange(tx, { patient, action: "ACCESS_REQUEST_REFUSED", professional, details: { requestId: request.id }, now });
      return { receiptId: null };
    }
    const written = await writeGrant(tx, { patientId, professionalId: professional.id, grant, now });
    const receiptId = await recordConsentChange(tx, {
      patient,
      action: "ACCESS_REQUEST_ACCEPTED",
      professional,
      details: { requestId: request.id },
      receipt: { change: written.change, access: written.access, previous: written.previous, requestId: request.id },
      now,
    });
    return { receiptId };
  });
}
