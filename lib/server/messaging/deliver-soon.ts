import "server-only";
import { getDb } from "@/lib/server/db";
import { enqueueAfterCommit } from "@/lib/server/jobs/enqueue-job";
import { errorClassOf, logger } from "@/lib/server/logger";

/**
 * Hands a message that was just committed to the relay without making the request wait for SMTP: a
 * job (outbox.deliver) that any worker takes at once. The outbox row is the durable record: if the job
 * is lost or the send fails, the outbox.retry pass (every minute) takes the message up.
 */
export function afterCommitDeliver(messageId: string): void {
  try {
    enqueueAfterCommit(getDb(), "outbox.deliver", { messageId });
  } catch (error) {
    // No database client (a script or a test with its own): the message waits for the retry pass.
    logger.warn({ event: "outbox.deliver_later", messageId, errorClass: errorClassOf(error) }, "message left for the retry pass");
  }
}
