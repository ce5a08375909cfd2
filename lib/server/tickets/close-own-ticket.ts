import "server-only";
import { ticketIdSchema } from "@/lib/schemas/support-ticket";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { findRequesterTicket, requesterOf } from "./ticket-context";

/** The requester closes their ticket (their problem is solved). Closing twice changes nothing. */
export async function closeOwnTicket({ db, actor }: SignedInCtx, input: { ticketId: string }): Promise<{ closed: boolean }> {
  const requesterId = requesterOf(actor);
  const { ticketId } = ticketIdSchema.parse(input);
  const ticket = await findRequesterTicket(db, requesterId, ticketId);
  const updated = await db.supportTicket.updateMany({
    where: { id: ticket.id, status: { not: "CLOSED" } },
    data: { status: "CLOSED", closedAt: new Date() },
  });
  return { closed: updated.count > 0 };
}
