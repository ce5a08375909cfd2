import "server-only";
import { runHistoryChainChecks } from "@/lib/server/admin/history-chain-check";
import { sendAccessEndedNotices } from "@/lib/server/catalogue/access-ended-notices";
import { sendReconsentNotices } from "@/lib/server/catalogue/reconsent-notices";
import { systemCtx } from "@/lib/server/context/ctx";
import { getDb } from "@/lib/server/db";
import { chainPendingHistory } from "@/lib/server/history/chain-pending-history";
import { publishHistoryCheckpoint } from "@/lib/server/history/publish-history-checkpoint";
import { purgeExpiredRows } from "@/lib/server/housekeeping/purge-expired-rows";
import { deliverMessage, deliverPendingMessages } from "@/lib/server/messaging/deliver-messages";
import { getSenders } from "@/lib/server/messaging/senders";
import { getStorage } from "@/lib/server/storage/get-storage";
import { purgeExpiredBin } from "@/lib/server/vault/check/purge-expired-bin";
import type { JobPayload, JobTaskName } from "./job-settings";

/** Figures worth a log line, or null when the run had nothing to do. */
export type JobFigures = Record<string, number> | null;

export type JobHandlers = { [T in JobTaskName]: (payload: JobPayload<T>) => Promise<JobFigures> };

/**
 * What each task does (its schedule and retries: job-settings.ts). A periodic pass must stay safe to
 * run twice, as after a crash between its work and the job's completion: the passes claim their rows
 * with SKIP LOCKED and re-check under the lock, as they did when every instance ran them.
 */
export const JOB_HANDLERS: JobHandlers = {
  // A failed send is counted by the outbox itself and taken up by outbox.retry: the job does not fail for it.
  "outbox.deliver": async ({ messageId }) =>
    (await deliverMessage(systemCtx({ job: "outbox.deliver" }), { messageId, ...getSenders() })) === "sent" ? { sent: 1 } : null,
  "outbox.retry": async () => {
    const { sent, failed } = await deliverPendingMessages(systemCtx({ job: "outbox.retry" }), getSenders());
    return sent + failed > 0 ? { sent, failed } : null;
  },
  "vault.bin_purge": async () => {
    const result = await purgeExpiredBin(systemCtx({ job: "vault.bin_purge" }));
    return result.due > 0 ? { due: result.due, purged: result.purged.count, blobsLeft: result.blobsLeft.count } : null;
  },
  housekeeping: async () => {
    const deleted = await purgeExpiredRows(systemCtx({ job: "housekeeping" }));
    return Object.values(deleted).some((count) => count > 0) ? deleted : null;
  },
  // Patients a suspension or delisting left untold: the decision enqueues it, the schedule is the safety net.
  "catalogue.access_ended_notices": async () => {
    const told = await sendAccessEndedNotices(systemCtx({ job: "catalogue.access_ended_notices" }));
    return told > 0 ? { told } : null;
  },
  // Patients whose app now asks for more than they granted: the change enqueues it, the schedule is the safety net.
  "catalogue.reconsent_notices": async () => {
    const told = await sendReconsentNotices(systemCtx({ job: "catalogue.reconsent_notices" }));
    return told > 0 ? { told } : null;
  },
  // A check an admin asked for (enqueued with the request), or one whose run stopped.
  "history.chain_check": async () => {
    const finished = await runHistoryChainChecks(systemCtx({ job: "history.chain_check" }));
    return finished > 0 ? { finished } : null;
  },
  "history.chain_reads": async () => {
    const { chained, refused } = await chainPendingHistory(getDb());
    return chained + refused > 0 ? { chained, refused } : null;
  },
  // The hour's checkpoint unless one exists (create-only object named by the hour); also enqueued at a
  // worker's start, so that a deployment that keys the chain covers the older, plain entries at once.
  "history.checkpoint": async () => {
    const publication = await publishHistoryCheckpoint(getDb(), { storage: getStorage() });
    if (publication.published) return { chains: publication.chains, refused: publication.refused };
    return publication.refused > 0 ? { chains: 0, refused: publication.refused } : null;
  },
};
