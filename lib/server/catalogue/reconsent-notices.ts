import "server-only";
import { awaitsReconsent, newlyAsked, reconsentAppSelect, reconsentConnectionSelect } from "@/lib/server/apps/reconsent";
import type { Ctx } from "@/lib/server/context/ctx";
import type { Tx } from "@/lib/server/db";
import { recordHistory } from "@/lib/server/history/record-history";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import { CURATION_TEAM_LABEL } from "./curation-team";
import { reconsentMail } from "./reconsent-mail";

/** Patients told per transaction: short transactions and bounded memory whatever the app's audience. */
const BATCH = 100;

type Deliver = (messageId: string) => void;

/**
 * Tells the patients whose connection a change of an app's data use left awaiting their consent (the
 * change marked each one with `reconsentDecisionId`): an APP_REQUEST_WIDENED entry in their history
 * (by the curation team, with what the app now asks and the reason), an APP_RECONSENT alert pointing at
 * it, and an e-mail that does not name the app. As access-ended-notices.ts: in batches, rows claimed
 * with `FOR UPDATE SKIP LOCKED` and unmarked in the batch that tells them, so each patient is told once.
 * A connection that no longer awaits by then (accepted, declined, disconnected) is unmarked untold.
 */
export async function sendReconsentNotices(
  { db }: Ctx,
  { deliver = afterCommitDeliver, batchSize = BATCH }: { deliver?: Deliver; batchSize?: number } = {},
): Promise<number> {
  let told = 0;
  for (;;) {
    const { claimed, count, messageIds } = await db.$transaction(
      async (tx) => {
        const claimedRows = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "AppConnection" WHERE "reconsentDecisionId" IS NOT NULL
          ORDER BY "id" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
        if (claimedRows.length === 0) return { claimed: 0, count: 0, messageIds: [] };
        const ids = claimedRows.map((row) => row.id);
        const connections = await tx.appConnection.findMany({
          where: { id: { in: ids } },
          select: {
            ...reconsentConnectionSelect,
            id: true,
            patientId: true,
            reconsentDecisionId: true,
            app: { select: { ...reconsentAppSelect, name: true } },
          },
        });
        const reasons = new Map(
          (
            await tx.catalogDecision.findMany({
              where: { id: { in: [...new Set(connections.map((row) => row.reconsentDecisionId!))] } },
              select: { id: true, reason: true },
            })
          ).map((decision) => [decision.id, decision.reason]),
        );
        const due = connections.filter((row) => awaitsReconsent(row, row.app));
        const entryIds = await recordHistory(
          tx,
          due.map((row) => {
            const asked = newlyAsked(row, row.app);
            return {
              patientId: row.patientId,
              actor: { userId: null, role: "CURATOR" as const, label: CURATION_TEAM_LABEL },
              action: "APP_REQUEST_WIDENED" as const,
              details: {
                appId: row.app.id,
                appName: row.app.name,
                scopes: asked.scopes,
                categories: asked.categories,
                reason: reasons.get(row.reconsentDecisionId!) ?? "",
              },
            };
          }),
        );
        await tx.notification.createMany({
          data: due.map((row, i) => ({
            userId: row.patientId,
            kind: "APP_RECONSENT" as const,
            historyEntryId: entryIds[i],
            actorLabel: row.app.name.slice(0, 200),
          })),
        });
        // A closed account has no one to write to; its history and alert are kept all the same.
        const users = new Map(
          (
            await tx.user.findMany({
              where: { id: { in: due.map((row) => row.patientId) }, status: { not: "CLOSED" } },
              select: { id: true, email: true, firstName: true, locale: true },
            })
          ).map((user) => [user.id, user]),
        );
        const messageIds: string[] = [];
        for (const row of due) {
          const user = users.get(row.patientId);
          if (!user) continue;
          messageIds.push(await enqueueEmail(tx, { to: user.email, ...reconsentMail(user.locale, { firstName: user.firstName }) }));
        }
        await tx.appConnection.updateMany({ where: { id: { in: ids } }, data: { reconsentDecisionId: null } });
        return { claimed: ids.length, count: due.length, messageIds };
      },
      { timeout: 60_000 },
    );
    for (const id of messageIds) deliver(id);
    told += count;
    if (claimed < batchSize) return told;
  }
}

/**
 * Asks a worker to start telling, in the change's own transaction: the job exists if and only if the
 * change commits. One waiting job serves any number of changes; the every-minute pass finishes what a
 * stopped worker left.
 */
export async function sendReconsentNoticesSoon(tx: Pick<Tx, "$executeRaw">): Promise<void> {
  await enqueueJob(tx, "catalogue.reconsent_notices", {}, { jobKey: "soon:catalogue.reconsent_notices" });
}
