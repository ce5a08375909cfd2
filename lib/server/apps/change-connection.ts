import "server-only";
import { DOCUMENT_SCOPE, type ConsentForm } from "./consent-choice";
import { SMART_SCOPES, TECHNICAL_SCOPES } from "@/lib/oauth/smart-scopes";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { recordHistory } from "@/lib/server/history/record-history";
import { authorizePatient } from "./patient-context";

/**
 * Narrows a connection: the data scopes left ticked and the categories left ticked, among those it
 * has (widening goes through a consent). Tokens already issued keep working only within the new
 * scopes, since every call intersects with the connection; without offline_access (never removed
 * here) nothing changes for refresh tokens. At least one data scope stays: removing all is
 * disconnecting, a separate action.
 */
export async function changeConnection(
  ctx: SignedInCtx,
  { connectionId, form }: { connectionId: string; form: ConsentForm },
): Promise<void> {
  const { patientId, historyActor } = await authorizePatient(ctx, "health:write-own");
  const { db } = ctx;
  await db.$transaction(async (tx) => {
    const connection = await tx.appConnection.findFirst({
      where: { id: connectionId, patientId, revokedAt: null },
      select: {
        id: true,
        scopes: true,
        categories: true,
        declinedScopes: true,
        declinedCategories: true,
        app: { select: { id: true, name: true } },
      },
    });
    if (!connection) throw new AppError("NOT_FOUND", "No such connection for this patient.");
    const scopes = SMART_SCOPES.filter(
      (scope) => connection.scopes.includes(scope) && (TECHNICAL_SCOPES.includes(scope) || form.scopes.includes(scope)),
    );
    if (!scopes.some((scope) => !TECHNICAL_SCOPES.includes(scope))) {
      throw new AppError("BAD_REQUEST", "No data scope left.", { messageKey: "apps.manage.scopeRequired", field: "scopes" });
    }
    const categories = scopes.includes(DOCUMENT_SCOPE)
      ? connection.categories.filter((category) => form.categories.includes(category))
      : [];
    if (scopes.includes(DOCUMENT_SCOPE) && connection.categories.length > 0 && categories.length === 0) {
      throw new AppError("BAD_REQUEST", "No document category left.", {
        messageKey: "apps.consent.categoriesRequired",
        field: "categories",
      });
    }
    if (scopes.length === connection.scopes.length && categories.length === connection.categories.length) return;
    // What the patient takes back counts as declined: the app does not ask for it again (reconsent.ts)
    // until it asks for something new.
    const declinedScopes = [
      ...new Set([...connection.declinedScopes, ...connection.scopes.filter((scope) => !(scopes as readonly string[]).includes(scope))]),
    ];
    const declinedCategories = [
      ...new Set([...connection.declinedCategories, ...connection.categories.filter((category) => !categories.includes(category))]),
    ];
    const { count } = await tx.appConnection.updateMany({
      where: { id: connection.id, revokedAt: null },
      data: { scopes, categories, declinedScopes, declinedCategories },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Connection ended meanwhile.");
    await recordHistory(tx, {
      patientId,
      actor: historyActor,
      action: "APP_CONNECTION_CHANGED",
      details: { appId: connection.app.id, appName: connection.app.name, scopes, categories },
      ipAddress: ctx.ip,
    });
  });
}
