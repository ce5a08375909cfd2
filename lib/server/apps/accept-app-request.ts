import "server-only";
import { SMART_SCOPES } from "@/lib/oauth/smart-scopes";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { applyConsent } from "./apply-consent";
import { resolveConsentChoice } from "./consent-choice";
import { authorizePatient } from "./patient-context";
import { pendingAppRequest } from "./pending-app-request";

/**
 * The patient grants what their app now asks, through the same consent code as connecting
 * (resolveConsentChoice then applyConsent): the new scopes and categories join what was granted, the
 * history records APP_CONNECTION_CHANGED with what the connection now allows. Tokens already issued
 * still carry their own scopes; the app gets the new ones with its next authorization.
 */
export async function acceptAppRequest(ctx: SignedInCtx, { connectionId }: { connectionId: string }): Promise<void> {
  const { patientId, historyActor } = await authorizePatient(ctx, "health:write-own");
  await ctx.db.$transaction(async (tx) => {
    const { connection, asked } = await pendingAppRequest(tx, { patientId, connectionId });
    const requested = SMART_SCOPES.filter((scope) => connection.scopes.includes(scope) || asked.scopes.includes(scope));
    const choice = resolveConsentChoice({
      requested,
      app: connection.app,
      form: { scopes: requested, categories: [...connection.categories, ...asked.categories] },
    });
    await applyConsent(tx, { patientId, actor: historyActor, app: connection.app, choice, ipAddress: ctx.ip, now: ctx.now() });
    await tx.appConnection.updateMany({ where: { id: connection.id }, data: { reconsentDecisionId: null } });
  });
}
