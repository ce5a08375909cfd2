import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { findRequesterTicket, requesterOf } from "./ticket-context";
import { ticketViewSelect, type TicketView } from "./ticket-view";

/** One of the person's own tickets with its messages; anyone else's is NOT_FOUND. */
export async function getOwnTicket({ db, actor }: SignedInCtx, { ticketId }: { ticketId: string }): Promise<TicketView> {
  const requesterId = requesterOf(actor);
  await findRequesterTicket(db, requesterId, ticketId);
  return db.supportTicket.findUniqueOrThrow({ where: { id: ticketId }, select: ticketViewSelect });
}
