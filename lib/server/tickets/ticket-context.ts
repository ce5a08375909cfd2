import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";
import { authorize } from "@/lib/server/policy/policy";
import type { StaffActor } from "@/lib/server/staff/require-staff";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The requester's id once the policy allows contacting support at all. */
export function requesterOf(actor: Actor): string {
  authorize(actor, "support:contact");
  return actor!.userId;
}

/** Every agent service checks "support:tickets" itself, whatever the page or action did. */
export function authorizeAgent(staff: StaffActor): void {
  authorize(staff.actor, "support:tickets");
}

/**
 * A ticket of this requester, or NOT_FOUND: someone else's ticket is indistinguishable from one that
 * does not exist, so numbers and ids cannot be probed.
 */
export async function findRequesterTicket(db: Pick<Db, "supportTicket">, requesterId: string, ticketId: string) {
  if (!UUID.test(ticketId)) throw new AppError("NOT_FOUND");
  const ticket = await db.supportTicket.findUnique({
    where: { id: ticketId },
    select: { id: true, number: true, status: true, requesterId: true },
  });
  if (!ticket || ticket.requesterId !== requesterId) throw new AppError("NOT_FOUND");
  return ticket;
}

/** Any ticket, for an agent already authorized. */
export async function findTicketForAgent(db: Pick<Db, "supportTicket">, ticketId: string) {
  if (!UUID.test(ticketId)) throw new AppError("NOT_FOUND");
  const ticket = await db.supportTicket.findUnique({
    where: { id: ticketId },
    select: {
      id: true,
      number: true,
      status: true,
      requesterId: true,
      assigneeId: true,
      requester: { select: { firstName: true, lastName: true } },
    },
  });
  if (!ticket) throw new AppError("NOT_FOUND");
  return { ...ticket, requesterLabel: `${ticket.requester.firstName} ${ticket.requester.lastName}` };
}

export async function userLabel(db: Pick<Db, "user">, userId: string): Promise<string> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { firstName: true, lastName: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  return `${user.firstName} ${user.lastName}`;
}
