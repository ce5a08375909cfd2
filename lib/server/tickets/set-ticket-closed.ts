import "server-only";
import { ticketIdSchema } from "@/lib/schemas/support-ticket";
import type { Ctx } from "@/lib/server/context/ctx";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import { authorizeAgent, findTicketForAgent } from "./ticket-context";

/**
 * An agent closes a ticket (`closed: true`) or reopens it, with the staff audit entry in the same
 * transaction. A reopened ticket waits for support again (OPEN). Asking for the state it is already
 * in changes nothing and records nothing.
 */
export async function setTicketClosed(
  { db, ip: ipAddress }: Ctx,
  { staff, ...input }: { staff: StaffActor; ticketId: string; closed: boolean },
): Promise<{ changed: boolean }> {
  authorizeAgent(staff);
  const { ticketId } = ticketIdSchema.parse(input);
  const closed = input.closed === true;
  const ticket = await findTicketForAgent(db, ticketId);
  return db.$transaction(async (tx) => {
    const updated = await tx.supportTicket.updateMany({
      where: closed ? { id: ticket.id, status: { not: "CLOSED" } } : { id: ticket.id, status: "CLOSED" },
      data: closed ? { status: "CLOSED", closedAt: new Date() } : { status: "OPEN", closedAt: null },
    });
    if (updated.count === 0) return { changed: false };
    await recordStaffAction(tx, {
      staff,
      action: closed ? "TICKET_CLOSED" : "TICKET_REOPENED",
      target: { userId: ticket.requesterId, label: ticket.requesterLabel, ticketId: ticket.id },
      details: { number: ticket.number, previousStatus: ticket.status },
      ipAddress,
    });
    return { changed: true };
  });
}
