import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import { errorClassOf } from "@/lib/server/logger";
import type { MailSender } from "./mail-transport";
import type { SmsSender } from "./sms-provider";

/**
 * Delivery of the outbox (rows written by enqueue-message.ts). Called right after a request commits
 * (deliverMessage, for the message it just queued) and by a retry pass that any instance may run
 * (deliverPendingMessages).
 *
 * Each message is claimed in its own short transaction with `FOR UPDATE SKIP LOCKED`, sent while the
 * row lock is held, then marked: another instance, or the request's own immediate delivery, skips a
 * row being sent instead of sending it twice or waiting for it. One transaction per message rather
 * than per batch, so that a crash or a transaction timeout in the middle of a batch cannot roll back
 * the "sent" marks of messages already handed to the relay (they would all be sent again). A crash
 * between the relay's acceptance and the commit can still send one message twice: an outbox delivers
 * at least once, never zero times.
 */

export type Senders = {
  /** Absent (no SMTP_URL, development): e-mails stay in the outbox. */
  mail?: MailSender;
  sms?: SmsSender;
  /** The From header of e-mails (MAIL_FROM). */
  from: string;
};

export type DeliveryOptions = Senders & {
  /** After this many failures a message is left for a human to look at. */
  maxAttempts?: number;
  /** A send that has not settled by then counts as failed, so a hung relay cannot hold a row forever. */
  sendTimeoutMs?: number;
};

export type DeliveryOutcome = "sent" | "failed" | "skipped";

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_SEND_TIMEOUT_MS = 60_000;

type Channel = "EMAIL" | "SMS";
type ClaimedRow = { id: string; channel: Channel; recipient: string; subject: string | null; body: string; attempts: number };

/**
 * The retry pass: sends up to `batchSize` unsent messages, oldest first. Channels without a sender that
 * delivers are left alone, without counting an attempt. Database errors propagate to the caller.
 */
export async function deliverPendingMessages(
  ctx: Ctx,
  options: DeliveryOptions & { batchSize?: number },
): Promise<{ sent: number; failed: number }> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const counts = { sent: 0, failed: 0 };
  // A message that fails stays eligible; remembering it keeps this pass from retrying it at once.
  const tried: string[] = [];
  while (tried.length < batchSize) {
    const result = await deliverOne(ctx, options, { kind: "oldest", exclude: tried });
    if (!result) break;
    tried.push(result.id);
    counts[result.outcome] += 1;
  }
  return counts;
}

/**
 * Delivers one message, right after the transaction that queued it committed. Best effort: it never
 * rejects, since the message is safely queued and the retry pass will try again; "skipped" means
 * another instance holds it, it is already sent or given up, or its channel has no sender.
 */
export async function deliverMessage(
  ctx: Ctx,
  { messageId: id, ...options }: DeliveryOptions & { messageId: string },
): Promise<DeliveryOutcome> {
  try {
    const result = await deliverOne(ctx, options, { kind: "id", id });
    return result?.outcome ?? "skipped";
  } catch (error) {
    ctx.log.error({ event: "outbox.delivery_error", messageId: id, errorClass: errorClassOf(error) }, "outbox delivery failed");
    return "failed";
  }
}

type Target = { kind: "oldest"; exclude: string[] } | { kind: "id"; id: string };

async function deliverOne(
  { db, log: logger }: Ctx,
  options: DeliveryOptions,
  target: Target,
): Promise<{ id: string; outcome: "sent" | "failed" } | null> {
  const channels = deliveringChannels(options);
  if (channels.length === 0) return null;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const sendTimeoutMs = options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;

  return db.$transaction(
    async (tx) => {
      // The enum is compared as text so the parameter can be a plain text[].
      const rows =
        target.kind === "id"
          ? await tx.$queryRaw<ClaimedRow[]>`
              SELECT "id", "channel"::text AS "channel", "recipient", "subject", "body", "attempts"
              FROM "OutboundMessage"
              WHERE "id" = ${target.id}::uuid AND "sentAt" IS NULL AND "attempts" < ${maxAttempts}
                AND "channel"::text = ANY(${channels}::text[])
              FOR UPDATE SKIP LOCKED`
          : await tx.$queryRaw<ClaimedRow[]>`
              SELECT "id", "channel"::text AS "channel", "recipient", "subject", "body", "attempts"
              FROM "OutboundMessage"
              WHERE "sentAt" IS NULL AND "attempts" < ${maxAttempts}
                AND "channel"::text = ANY(${channels}::text[])
                AND "id" <> ALL(${target.exclude}::uuid[])
              ORDER BY "createdAt"
              LIMIT 1
              FOR UPDATE SKIP LOCKED`;
      const row = rows[0];
      if (!row) return null;
      const log = { messageId: row.id, channel: row.channel };

      try {
        await withTimeout(send(row, options), sendTimeoutMs);
      } catch (error) {
        const attempts = row.attempts + 1;
        await tx.outboundMessage.update({
          where: { id: row.id },
          data: { attempts, lastError: describeError(error) },
          select: { id: true },
        });
        const gaveUp = attempts >= maxAttempts;
        logger[gaveUp ? "error" : "warn"](
          { ...log, event: gaveUp ? "outbox.gave_up" : "outbox.send_failed", attempts, maxAttempts, errorClass: errorClassOf(error) },
          gaveUp ? "outbound message given up" : "outbound message not sent, will retry",
        );
        return { id: row.id, outcome: "failed" as const };
      }

      await tx.outboundMessage.update({ where: { id: row.id }, data: { sentAt: new Date() }, select: { id: true } });
      logger.info({ ...log, event: "outbox.sent", attempts: row.attempts + 1 }, "outbound message sent");
      return { id: row.id, outcome: "sent" as const };
    },
    // The transaction lives as long as one send; Prisma's 5 s default would roll back after a slow
    // relay accepted the message, and it would be sent again.
    { maxWait: 10_000, timeout: sendTimeoutMs + 10_000 },
  );
}

function deliveringChannels({ mail, sms }: Senders): Channel[] {
  const channels: Channel[] = [];
  if (mail) channels.push("EMAIL");
  if (sms && !sms.keepsInOutbox) channels.push("SMS");
  return channels;
}

function send(row: ClaimedRow, { mail, sms, from }: DeliveryOptions): Promise<void> {
  // The claim only returns channels that have a sender.
  if (row.channel === "EMAIL") return mail!.send({ from, to: row.recipient, subject: row.subject ?? "", text: row.body });
  return sms!.send({ to: row.recipient, text: row.body });
}

class SendTimeoutError extends Error {
  override name = "SendTimeoutError";
}

async function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeoutError(`no answer after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * For the lastError column, read by operators: the class and the relay's one-line reason (SMTP
 * replies name the recipient at most, which the row holds anyway). Never the message's content.
 */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${errorClassOf(error)}: ${message}`.replace(/\s+/g, " ").slice(0, 500);
}
