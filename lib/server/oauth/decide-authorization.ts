import "server-only";
import { applyConsent } from "@/lib/server/apps/apply-consent";
import { resolveConsentChoice, type ConsentForm } from "@/lib/server/apps/consent-choice";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { authorize } from "@/lib/server/policy/policy";
import { findPatientRequest } from "./find-patient-request";
import { issueAuthorizationCode } from "./issue-authorization-code";
import { redirectWithParams } from "./redirect-with-params";

/**
 * The patient's answer on the consent screen. Refusing sends access_denied back; allowing writes the
 * connection, its history entry, the code and the request's answer in one transaction. The answer is
 * taken with a conditional update, so a double submit issues one code and the second gets CONFLICT.
 */
export async function decideAuthorization(
  { db, actor, ip, now: clock }: SignedInCtx,
  { requestId, allow, form }: { requestId: string; allow: boolean; form: ConsentForm },
): Promise<{ location: string }> {
  const now = clock();
  authorize(actor, "health:write-own", { ownerId: actor?.userId });
  const patientId = actor!.userId;
  const request = await findPatientRequest(db, requestId, patientId);
  if (request.answeredAt || request.expiresAt <= now || request.client.revokedAt || request.client.app.status !== "LISTED") {
    throw new AppError("CONFLICT", "Authorization request no longer open.");
  }
  const answer = (tx: Pick<Db, "oAuthAuthorizationRequest">) =>
    tx.oAuthAuthorizationRequest.updateMany({ where: { id: requestId, answeredAt: null }, data: { answeredAt: now } });

  if (!allow) {
    if ((await answer(db)).count === 0) throw new AppError("CONFLICT", "Authorization request already answered.");
    return {
      location: redirectWithParams(request.redirectUri, {
        error: "access_denied",
        error_description: "The patient refused.",
        state: request.state,
      }),
    };
  }
  const app = request.client.app;
  const choice = resolveConsentChoice({ requested: request.scopes, app, form });
  const historyActor = await historyActorOf(db, actor, "PATIENT");
  const code = await db.$transaction(async (tx) => {
    if ((await answer(tx)).count === 0) throw new AppError("CONFLICT", "Authorization request already answered.");
    const { connectionId } = await applyConsent(tx, { patientId, actor: historyActor, app, choice, ipAddress: ip, now });
    return issueAuthorizationCode(tx, {
      clientId: request.client.id,
      connectionId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scopes: choice.scopes,
      now,
    });
  });
  return { location: redirectWithParams(request.redirectUri, { code, state: request.state }) };
}
