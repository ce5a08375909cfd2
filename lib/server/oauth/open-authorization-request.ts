import "server-only";
import type { CatalogAppStatus, DocumentCategory } from "@/lib/generated/prisma/client";
import { widens } from "@/lib/oauth/smart-scopes";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { authorize, type Actor } from "@/lib/server/policy/policy";
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
  | { kind: "consent"; requestId: string; scopes: string[]; app: ConsentAppDetails; connection: { scopes: string[]; categories: DocumentCategory[] } | null };

export const consentAppColumns = { id: true, slug: true, name: true, publisher: true, status: true, scopePurposes: true, documentCategories: true } as const;

/**
 * The patient opens an authorization request: it becomes theirs (the first signed-in patient who
 * opens it; anyone else then gets NOT_FOUND, so a link passed on leads nowhere). A request asking
 * nothing beyond the patient's connection is answered at once; a wider one needs their consent.
 */
export async function openAuthorizationRequest(db: Db, { actor, requestId, now = new Date() }: { actor: Actor; requestId: string; now?: Date }): Promise<OpenedRequest> {
  authorize(actor, "health:write-own", { ownerId: actor?.userId });
  const patientId = actor!.userId;
  await db.oAuthAuthorizationRequest.updateMany({ where: { id: requestId, patientId: null }, data: { patientId } });
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
  if (request.answeredAt) return { kind: "answered" };
  if (request.expiresAt <= now) return { kind: "expired" };
  const app = request.client.app;
  if (request.client.revokedAt || app.status !== "LISTED") return { kind: "unavailable" };

  const existing = await db.appConnection.findUnique({ where: { patientId_appId: { patientId, appId: app.id } }, select: { id: true, scopes: true, categories: true, revokedAt: true } });
  const connection = existing && !existing.revokedAt ? existing : null;
  if (!connection || widens(connection.scopes, request.scopes)) {
    return { kind: "consent", requestId: request.id, scopes: request.scopes, app, connection: connection && { scopes: connection.scopes, categories: connection.categories } };
  }
  const code = await db.$transaction(async (tx) => {
    const { count } = await tx.oAuthAuthorizationRequest.updateMany({ where: { id: request.id, answeredAt: null }, data: { answeredAt: now } });
    if (count === 0) return null;
    return issueAuthorizationCode(tx, { clientId: request.client.id, connectionId: connection.id, redirectUri: request.redirectUri, codeChallenge: request.codeChallenge, scopes: request.scopes, now });
  });
  if (!code) return { kind: "answered" };
  return { kind: "redirect", location: redirectWithParams(request.redirectUri, { code, state: request.state }) };
}
