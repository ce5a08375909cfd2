import "server-only";
import { assignTicketSchema, type AssignTicketInput } from "@/lib/schemas/support-ticket";
import type { Ctx } from "@/lib/server/context/ctx";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { AppError } from "@/lib/server/errors";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import { authorizeAgent, findTicketForAgent } from "./ticket-context";

/**
 * Gives a ticket to an agent (oneself or another active SUPPORT account) or back to the queue, with
 * the staff audit entry in the same transaction. Assigning to whoever already holds it changes nothing.
 */
export async function assignTicket(
  { db, ip: ipAddress }: Ctx,
  { staff, ...input }: AssignTicketInput & { staff: StaffActor },
): Promise<{ changed: boolean }> {
  authorizeAgent(staff);
  const { ticketId, assigneeId } = assignTicketSchema.parse(input);
  const ticket = await findTicketForAgent(db, ticketId);
  if (ticket.assigneeId === assigneeId) return { changed: false };
  let assigneeLabel: string | null = null;
  if (assigneeId) {
    const agent = await db.user.findUnique({
      where: { id: assigneeId },
      select: { roles: true, status: true, firstName: true, lastName: true },
    });
    if (!agent || !agent.roles.includes("SUPPORT") || agent.status !== "ACTIVE")
      throw new AppError("BAD_REQUEST", "assignee is not an active agent", {
        messageKey: "tickets.errors.notAnAgent",
        field: "assigneeId",
      });
    assigneeLabel = `${agent.firstName} ${agent.lastName}`;
  }
  await db.$transaction(async (tx) => {
    await tx.supportTicket.update({ where: { id: ticket.id }, data: { assigneeId }, select: { id: true } });
    await recordStaffAction(tx, {
      staff,
      action: "TICKET_ASSIGNED",
      target: { userId: ticket.requesterId, label: ticket.requesterLabel, ticketId: ticket.id },
      details: { number: ticket.number, assigneeId, assigneeLabel, previousAssigneeId: ticket.assigneeId },
      ipAddress,
    });
  });
  return { changed: true };
}
