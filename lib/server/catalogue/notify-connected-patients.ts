import "server-only";
import type { Db } from "@/lib/server/db";
import { recordHistory } from "@/lib/server/history/record-history";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import { appAccessEndedMail } from "./app-access-ended-mail";
import { CURATION_TEAM_LABEL } from "./curation-team";

type Tx = Pick<Db, "$executeRaw" | "historyEntry" | "notification" | "appConnection" | "user" | "outboundMessage">;

/** Patients handled per round: bounded memory and statement size whatever the app's audience. */
const CHUNK = 200;

/**
 * Tells every patient with a live connection to the app that its access ended, inside the decision's
 * transaction: an APP_ACCESS_ENDED entry in their history (by the curation team, with the reason), an
 * APP_SUSPENDED alert pointing at it, and an e-mail in the outbox. Each patient is told once: one
 * connection per (patient, app). Returns the outbox ids to deliver after commit.
 *
 * Done in the request for now; an app with a national audience would need this in a background queue
 * (the decision committing at once, the fan-out following in batches).
 */
export async function notifyConnectedPatients(tx: Tx, { app, reason, decision, ipAddress }: { app: { id: string; name: string; slug: string }; reason: string; decision: "suspend" | "delist"; ipAddress?: string | null }): Promise<{ patients: number; messageIds: string[] }> {
  const messageIds: string[] = [];
  let patients = 0;
  let cursor: string | undefined;
  for (;;) {
    const connections = await tx.appConnection.findMany({
      where: { appId: app.id, revokedAt: null },
      select: { id: true, patientId: true },
      orderBy: { id: "asc" },
      take: CHUNK,
      ...(cursor && { cursor: { id: cursor }, skip: 1 }),
    });
    if (connections.length === 0) break;
    cursor = connections.at(-1)!.id;
    const patientIds = connections.map((connection) => connection.patientId);
    const entryIds = await recordHistory(
      tx,
      patientIds.map((patientId) => ({
        patientId,
        actor: { userId: null, role: "CURATOR" as const, label: CURATION_TEAM_LABEL },
        action: "APP_ACCESS_ENDED" as const,
        details: { appId: app.id, appName: app.name, decision, reason },
        ipAddress,
      })),
    );
    await tx.notification.createMany({ data: patientIds.map((userId, i) => ({ userId, kind: "APP_SUSPENDED" as const, historyEntryId: entryIds[i], actorLabel: app.name.slice(0, 200) })) });
    // A closed account has no one to write to; its history and alert are kept all the same.
    const users = await tx.user.findMany({ where: { id: { in: patientIds }, status: { not: "CLOSED" } }, select: { email: true, firstName: true, locale: true } });
    for (const user of users) {
      const mail = appAccessEndedMail(user.locale, { firstName: user.firstName, decision });
      messageIds.push(await enqueueEmail(tx, { to: user.email, ...mail }));
    }
    patients += connections.length;
    if (connections.length < CHUNK) break;
  }
  return { patients, messageIds };
}
