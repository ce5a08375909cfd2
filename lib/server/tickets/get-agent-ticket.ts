import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { AppError } from "@/lib/server/errors";
import { authorizeAgent } from "./ticket-context";
import { ticketViewSelect, type TicketView } from "./ticket-view";

export type AgentTicketView = TicketView & {
  requester: { id: string; name: string; email: string };
  assignee: { id: string; name: string } | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A ticket as an agent handles it: the conversation, who asked (name and e-mail, to find the
 * account), who holds it, and a document's id at most — the ticket model holds nothing more.
 */
export async function getAgentTicket({ db }: Ctx, { staff, ticketId }: { staff: StaffActor; ticketId: string }): Promise<AgentTicketView> {
  authorizeAgent(staff);
  if (!UUID.test(ticketId)) throw new AppError("NOT_FOUND");
  const ticket = await db.supportTicket.findUnique({
    where: { id: ticketId },
    select: {
      ...ticketViewSelect,
      requester: { select: { id: true, firstName: true, lastName: true, email: true } },
      assignee: { select: { id: true, firstName: true, lastName: true } },
    },
  });
  if (!ticket) throw new AppError("NOT_FOUND");
  const { requester, assignee, ...view } = ticket;
  return {
    ...view,
    requester: { id: requester.id, name: `${requester.firstName} ${requester.lastName}`, email: requester.email },
    assignee: assignee ? { id: assignee.id, name: `${assignee.firstName} ${assignee.lastName}` } : null,
  };
}
