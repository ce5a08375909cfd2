import "server-only";
import { ticketIdSchema } from "@/lib/schemas/support-ticket";
import type { Db } from "@/lib/server/db";
import { findRequesterTicket, requesterOf, type RequesterContext } from "./ticket-context";

/** The requester closes their ticket (their problem is solved). Closing twice changes nothing. */
export async function closeOwnTicket(db: Pick<Db, "supportTicket">, { actor }: RequesterContext, input: { ticketId: string }): Promise<{ closed: boolean }> {
  const requesterId = requesterOf(actor);
  const { ticketId } = ticketIdSchema.parse(input);
  const ticket = await findRequesterTicket(db, requesterId, ticketId);
  const updated = await db.supportTicket.updateMany({ where: { id: ticket.id, status: { not: "CLOSED" } }, data: { status: "CLOSED", closedAt: new Date() } });
  return { closed: updated.count > 0 };
}
