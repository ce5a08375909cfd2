import "server-only";
import type { DocumentCategory } from "@/lib/generated/prisma/client";
import { SMART_SCOPES } from "@/lib/oauth/smart-scopes";
import type { Tx } from "@/lib/server/db";
import { recordHistory, type HistoryActor } from "@/lib/server/history/record-history";
import type { ConsentChoice } from "./consent-choice";

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));

/**
 * Writes a consent into the patient's connection with the app, inside the caller's transaction:
 * the scopes approved join those already granted (a consent never silently takes back what another
 * consent gave; narrowing is its own action), the categories are the ones just chosen. A new or
 * renewed connection is APP_CONNECTED in the history, a widened one APP_CONNECTION_CHANGED; an
 * answer that changes nothing writes nothing.
 */
export async function applyConsent(
  tx: Pick<Tx, "$executeRaw" | "appConnection" | "historyEntry">,
  {
    patientId,
    actor,
    app,
    choice,
    ipAddress,
    now = new Date(),
  }: {
    patientId: string;
    actor: HistoryActor;
    app: { id: string; name: string };
    choice: ConsentChoice;
    ipAddress?: string | null;
    now?: Date;
  },
): Promise<{ connectionId: string; scopes: string[]; categories: DocumentCategory[] }> {
  // Two answers at once for the same app would both read "not connected"; they line up here.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`app-connection:${patientId}:${app.id}`}, 0))`;
  const existing = await tx.appConnection.findUnique({
    where: { patientId_appId: { patientId, appId: app.id } },
    select: { id: true, scopes: true, categories: true, declinedScopes: true, declinedCategories: true, revokedAt: true },
  });
  const active = existing && !existing.revokedAt ? existing : null;
  const scopes = SMART_SCOPES.filter((scope) => choice.scopes.includes(scope) || active?.scopes.includes(scope));
  const categories = choice.categories ?? active?.categories ?? [];
  // What was declined before and is still not granted stays declined; a renewed connection starts afresh.
  const declinedScopes = [...new Set([...(active?.declinedScopes ?? []), ...choice.declined.scopes])].filter(
    (scope) => !(scopes as readonly string[]).includes(scope),
  );
  const declinedCategories = [...new Set([...(active?.declinedCategories ?? []), ...choice.declined.categories])].filter(
    (category) => !categories.includes(category),
  );
  const declined = { declinedScopes, declinedCategories };

  if (active && sameSet(active.scopes, scopes) && sameSet(active.categories, categories)) {
    // Nothing granted changes, so no history entry; what the patient left out is still remembered.
    if (!sameSet(active.declinedScopes, declinedScopes) || !sameSet(active.declinedCategories, declinedCategories))
      await tx.appConnection.update({ where: { id: active.id }, data: declined, select: { id: true } });
    return { connectionId: active.id, scopes, categories };
  }
  const connection = active
    ? await tx.appConnection.update({ where: { id: active.id }, data: { scopes, categories, ...declined }, select: { id: true } })
    : await tx.appConnection.upsert({
        where: { patientId_appId: { patientId, appId: app.id } },
        create: { patientId, appId: app.id, scopes, categories, ...declined, connectedAt: now },
        update: {
          scopes,
          categories,
          ...declined,
          connectedAt: now,
          revokedAt: null,
          lastUsedAt: null,
          endedByDecisionId: null,
          reconsentDecisionId: null,
        },
        select: { id: true },
      });
  await recordHistory(tx, {
    patientId,
    actor,
    action: active ? "APP_CONNECTION_CHANGED" : "APP_CONNECTED",
    details: { appId: app.id, appName: app.name, scopes, categories },
    ipAddress,
  });
  return { connectionId: connection.id, scopes, categories };
}
