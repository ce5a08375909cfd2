import "server-only";
import { getDb } from "@/lib/server/db";
import { repeatOnEveryInstance } from "@/lib/server/jobs/repeat-on-every-instance";
import { errorClassOf, logger } from "@/lib/server/logger";
import { deliverMessage, deliverPendingMessages } from "./deliver-messages";
import { getSenders } from "./senders";

/**
 * Hands a message that was just committed to the relay without making the request wait for SMTP. If
 * this process dies first, the retry pass of any instance picks the message up.
 */
export function afterCommitDeliver(messageId: string): void {
  try {
    void deliverMessage(getDb(), messageId, getSenders());
  } catch (error) {
    // No database client (a script or a test with its own): the message waits for the retry pass.
    logger.warn({ event: "outbox.deliver_later", messageId, errorClass: errorClassOf(error) }, "message left for the retry pass");
  }
}

const RETRY_EVERY_MS = 30_000;

/**
 * Started once per instance (instrumentation.ts). Every instance runs it; SKIP LOCKED in the delivery
 * keeps them from sending a message twice, so there is no leader to elect.
 */
export function startRetryPass(): void {
  repeatOnEveryInstance("outbox.retry_pass", { everyMs: RETRY_EVERY_MS, firstAfterMs: RETRY_EVERY_MS }, async () => {
    const { sent, failed } = await deliverPendingMessages(getDb(), getSenders());
    return sent + failed > 0 ? { sent, failed } : null;
  });
}
