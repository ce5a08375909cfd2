import "server-only";
import { ticketReplySchema, type TicketReplyInput } from "@/lib/schemas/support-ticket";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { consumeRateLimit } from "@/lib/server/rate-limit/consume-rate-limit";
import { findRequesterTicket, requesterOf, userLabel } from "./ticket-context";

/** Replies per account and hour: a conversation, not a flood. */
const REPLY_LIMIT = { limit: 60, windowSeconds: 60 * 60 };

/**
 * The requester answers on their ticket: the ticket waits for support again (OPEN). A closed ticket
 * takes no more messages; the person opens a new one.
 */
export async function replyOwnTicket({ db, actor }: SignedInCtx, input: TicketReplyInput): Promise<{ messageId: string }> {
  const requesterId = requesterOf(actor);
  const { ticketId, message } = ticketReplySchema.parse(input);
  const ticket = await findRequesterTicket(db, requesterId, ticketId);
  if (ticket.status === "CLOSED") throw new AppError("CONFLICT", "reply to a closed ticket", { messageKey: "tickets.errors.closed" });
  const limit = await consumeRateLimit(db, { key: `ticket-reply:account:${requesterId}`, ...REPLY_LIMIT });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "too many ticket replies", { messageKey: "tickets.errors.tooMany" });
  const label = await userLabel(db, requesterId);
  return db.$transaction(async (tx) => {
    const now = new Date();
    // Conditional on the status, so a close that lands meanwhile is not undone by this reply.
    const updated = await tx.supportTicket.updateMany({
      where: { id: ticket.id, status: { not: "CLOSED" } },
      data: { status: "OPEN", lastMessageAt: now },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "reply to a closed ticket", { messageKey: "tickets.errors.closed" });
    const row = await tx.supportMessage.create({
      data: {
        ticketId: ticket.id,
        authorId: requesterId,
        authorRole: "PATIENT",
        authorLabel: label.slice(0, 200),
        body: message,
        createdAt: now,
      },
      select: { id: true },
    });
    return { messageId: row.id };
  });
}
