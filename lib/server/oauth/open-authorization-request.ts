import "server-only";
import type { CatalogAppStatus, DocumentCategory } from "@/lib/generated/prisma/client";
import { widens } from "@/lib/oauth/smart-scopes";
import type { Ctx } from "@/lib/server/context/ctx";
import { authorize } from "@/lib/server/policy/policy";
import { findPatientRequest } from "./find-patient-request";
import { issueAuthorizationCode } from "./issue-authorization-code";
import { redirectWithParams } from "./redirect-with-params";

export type ConsentAppDetails = {
  id: string;
  slug: string;
  name: string;
  publisher: string;
  status: CatalogAppStatus;
  scopePurposes: unknown;
  documentCategories: DocumentCategory[];
};

export type OpenedRequest =
  | { kind: "expired" | "answered" | "unavailable" }
  /** The patient already granted all of it: the code is issued without asking again. */
  | { kind: "redirect"; location: string }
  | {
      kind: "consent";
      requestId: string;
      scopes: string[];
      app: ConsentAppDetails;
      connection: { scopes: string[]; categories: DocumentCategory[] } | null;
    };

/**
 * The patient opens an authorization request: it becomes theirs (the first signed-in patient who
 * opens it; anyone else then gets NOT_FOUND, so a link passed on leads nowhere). A request asking
 * nothing beyond the patient's connection is answered at once; a wider one needs their consent.
 */
export async function openAuthorizationRequest(
  { db, actor, now: clock }: Ctx,
  { requestId }: { requestId: string },
): Promise<OpenedRequest> {
  const now = clock();
  authorize(actor, "health:write-own", { ownerId: actor?.userId });
  const patientId = actor!.userId;
  await db.oAuthAuthorizationRequest.updateMany({ where: { id: requestId, patientId: null }, data: { patientId } });
  const request = await findPatientRequest(db, requestId, patientId);
  if (request.answeredAt) return { kind: "answered" };
  if (request.expiresAt <= now) return { kind: "expired" };
  const app = request.client.app;
  if (request.client.revokedAt || app.status !== "LISTED") return { kind: "unavailable" };

  const existing = await db.appConnection.findUnique({
    where: { patientId_appId: { patientId, appId: app.id } },
    select: { id: true, scopes: true, categories: true, revokedAt: true },
  });
  const connection = existing && !existing.revokedAt ? existing : null;
  if (!connection || widens(connection.scopes, request.scopes)) {
    return {
      kind: "consent",
      requestId: request.id,
      scopes: request.scopes,
      app,
      connection: connection && { scopes: connection.scopes, categories: connection.categories },
    };
  }
  const code = await db.$transaction(async (tx) => {
    const { count } = await tx.oAuthAuthorizationRequest.updateMany({
      where: { id: request.id, answeredAt: null },
      data: { answeredAt: now },
    });
    if (count === 0) return null;
    return issueAuthorizationCode(tx, {
      clientId: request.client.id,
      connectionId: connection.id,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scopes: request.scopes,
      now,
    });
  });
  if (!code) return { kind: "answered" };
  return { kind: "redirect", location: redirectWithParams(request.redirectUri, { code, state: request.state }) };
}
