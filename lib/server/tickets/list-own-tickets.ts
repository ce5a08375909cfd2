import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { requesterOf } from "./ticket-context";
import { ticketRowSelect, type TicketRow } from "./ticket-view";

export type OwnTicketRow = TicketRow;

/** The person's own tickets, latest activity first. */
export async function listOwnTickets({ db, actor }: SignedInCtx, { take = 100 }: { take?: number } = {}): Promise<OwnTicketRow[]> {
  const requesterId = requesterOf(actor);
  return db.supportTicket.findMany({
    where: { requesterId },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take,
    select: ticketRowSelect,
  });
}
