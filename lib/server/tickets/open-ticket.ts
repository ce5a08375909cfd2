import "server-only";
import { openTicketSchema, type OpenTicketInput } from "@/lib/schemas/support-ticket";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { consumeRateLimit } from "@/lib/server/rate-limit/consume-rate-limit";
import { requesterOf, userLabel } from "./ticket-context";

/** Generous for a person with a real problem, useless for flooding the queue. */
export const OPEN_TICKET_LIMIT = { limit: 10, windowSeconds: 60 * 60 };

/**
 * Opens a ticket with its first message, both from the signed-in person. Who asks, the role the
 * message is written in and the status come from the session and the server, never from the input.
 */
export async function openTicket({ db, actor, log }: SignedInCtx, input: OpenTicketInput): Promise<{ id: string; number: number }> {
  const requesterId = requesterOf(actor);
  const { topic, subject, message } = openTicketSchema.parse(input);
  const limit = await consumeRateLimit(db, { key: `ticket-open:account:${requesterId}`, ...OPEN_TICKET_LIMIT });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "too many tickets opened", { messageKey: "tickets.errors.tooMany" });
  const label = await userLabel(db, requesterId);
  const ticket = await db.supportTicket.create({
    data: {
      requesterId,
      topic,
      subject,
      messages: { create: { authorId: requesterId, authorRole: "PATIENT", authorLabel: label.slice(0, 200), body: message } },
    },
    select: { id: true, number: true },
  });
  log.info({ event: "support.ticket.opened", ticketId: ticket.id, topic }, "Support ticket opened.");
  return ticket;
}
