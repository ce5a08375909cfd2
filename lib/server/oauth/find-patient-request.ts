import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/** What the consent screen shows of the app. */
export const consentAppColumns = {
  id: true,
  slug: true,
  name: true,
  publisher: true,
  status: true,
  scopePurposes: true,
  documentCategories: true,
} as const;

/**
 * An authorization request as the consent screen and its answer read it: only the patient it is bound
 * to finds it; anyone else (or an unknown id) gets NOT_FOUND, so a link passed on leads nowhere.
 */
export async function findPatientRequest(db: Pick<Db, "oAuthAuthorizationRequest">, requestId: string, patientId: string) {
  const request = await db.oAuthAuthorizationRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      patientId: true,
      redirectUri: true,
      state: true,
      codeChallenge: true,
      scopes: true,
      expiresAt: true,
      answeredAt: true,
      client: { select: { id: true, revokedAt: true, app: { select: consentAppColumns } } },
    },
  });
  if (!request || request.patientId !== patientId) throw new AppError("NOT_FOUND", "No such authorization request for this patient.");
  return request;
}
