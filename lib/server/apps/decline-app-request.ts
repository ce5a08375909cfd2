import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { recordHistory } from "@/lib/server/history/record-history";
import { authorizePatient } from "./patient-context";
import { pendingAppRequest } from "./pending-app-request";

/**
 * The patient keeps the connection as it was: what the app now asks is recorded as declined (it is
 * not asked again until the app asks for something else), nothing is granted, and the history says
 * so with what was declined.
 */
export async function declineAppRequest(ctx: SignedInCtx, { connectionId }: { connectionId: string }): Promise<void> {
  const { patientId, historyActor } = await authorizePatient(ctx, "health:write-own");
  await ctx.db.$transaction(async (tx) => {
    const { connection, asked } = await pendingAppRequest(tx, { patientId, connectionId });
    await tx.appConnection.update({
      where: { id: connection.id },
      data: {
        declinedScopes: [...new Set([...connection.declinedScopes, ...asked.scopes])],
        declinedCategories: [...new Set([...connection.declinedCategories, ...asked.categories])],
        reconsentDecisionId: null,
      },
      select: { id: true },
    });
    await recordHistory(tx, {
      patientId,
      actor: historyActor,
      action: "APP_REQUEST_DECLINED",
      details: { appId: connection.app.id, appName: connection.app.name, scopes: asked.scopes, categories: asked.categories },
      ipAddress: ctx.ip,
    });
  });
}
