import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import type { Tx } from "@/lib/server/db";
import { recordHistory } from "@/lib/server/history/record-history";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import { appAccessEndedMail } from "./app-access-ended-mail";
import { CURATION_TEAM_LABEL } from "./curation-team";

/** Patients told per transaction: short transactions and bounded memory whatever the app's audience. */
const BATCH = 100;

type Deliver = (messageId: string) => void;

/**
 * Tells the patients whose connection a suspension or delisting ended (the decision marked each one
 * with `endedByDecisionId`): an APP_ACCESS_ENDED entry in their history (by the curation team, with the
 * reason), an APP_SUSPENDED alert pointing at it, and an e-mail that does not name the app. The
 * decision itself ended every connection and token at once; this follows in batches, each in its own
 * transaction, so an app with a national audience does not hold one transaction over a million
 * histories. Rows are claimed with `FOR UPDATE SKIP LOCKED` and unmarked in the batch that tells
 * them: several instances share the work and each patient is told once. Returns how many were told.
 */
export async function sendAccessEndedNotices(
  { db }: Ctx,
  { deliver = afterCommitDeliver, batchSize = BATCH }: { deliver?: Deliver; batchSize?: number } = {},
): Promise<number> {
  let told = 0;
  for (;;) {
    const { count, messageIds } = await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: string; patientId: string; decisionId: string }[]>`
          SELECT "id", "patientId", "endedByDecisionId" AS "decisionId" FROM "AppConnection"
          WHERE "endedByDecisionId" IS NOT NULL
          ORDER BY "id" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return { count: 0, messageIds: [] };
        const decisions = new Map(
          (
            await tx.catalogDecision.findMany({
              where: { id: { in: [...new Set(rows.map((row) => row.decisionId))] } },
              select: { id: true, status: true, reason: true, app: { select: { id: true, name: true } } },
            })
          ).map((decision) => [decision.id, decision]),
        );
        const entryIds = await recordHistory(
          tx,
          rows.map((row) => {
            const decision = decisions.get(row.decisionId)!;
            return {
              patientId: row.patientId,
              actor: { userId: null, role: "CURATOR" as const, label: CURATION_TEAM_LABEL },
              action: "APP_ACCESS_ENDED" as const,
              details: {
                appId: decision.app.id,
                appName: decision.app.name,
                decision: decisionWord(decision.status),
                reason: decision.reason,
              },
            };
          }),
        );
        await tx.notification.createMany({
          data: rows.map((row, i) => ({
            userId: row.patientId,
            kind: "APP_SUSPENDED" as const,
            historyEntryId: entryIds[i],
            actorLabel: decisions.get(row.decisionId)!.app.name.slice(0, 200),
          })),
        });
        // A closed account has no one to write to; its history and alert are kept all the same. One
        // mail per ended connection: a patient may lose two apps in one batch.
        const users = new Map(
          (
            await tx.user.findMany({
              where: { id: { in: rows.map((row) => row.patientId) }, status: { not: "CLOSED" } },
              select: { id: true, email: true, firstName: true, locale: true },
            })
          ).map((user) => [user.id, user]),
        );
        const ids: string[] = [];
        for (const row of rows) {
          const user = users.get(row.patientId);
          if (!user) continue;
          const mail = appAccessEndedMail(user.locale, {
            firstName: user.firstName,
            decision: decisionWord(decisions.get(row.decisionId)!.status),
          });
          ids.push(await enqueueEmail(tx, { to: user.email, ...mail }));
        }
        await tx.appConnection.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { endedByDecisionId: null } });
        return { count: rows.length, messageIds: ids };
      },
      { timeout: 60_000 },
    );
    for (const id of messageIds) deliver(id);
    told += count;
    if (count < batchSize) return told;
  }
}

/** Only suspensions and delistings mark connections; a suspension is told as such, anything else as a delisting. */
function decisionWord(status: string): "suspend" | "delist" {
  return status === "SUSPENDED" ? "suspend" : "delist";
}

/**
 * Asks a worker to start telling, in the decision's own transaction: the job exists if and only if the
 * decision commits. One waiting job serves any number of decisions (its key); the every-minute pass of
 * the same task finishes what a stopped worker left.
 */
export async function sendAccessEndedNoticesSoon(tx: Pick<Tx, "$executeRaw">): Promise<void> {
  await enqueueJob(tx, "catalogue.access_ended_notices", {}, { jobKey: "soon:catalogue.access_ended_notices" });
}
