import "server-only";
import type { Prisma, TicketStatus } from "@/lib/generated/prisma/client";
import { ticketQueueQuerySchema, type TicketQueueQuery } from "@/lib/schemas/support-ticket";
import type { Ctx } from "@/lib/server/context/ctx";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { authorizeAgent } from "./ticket-context";
import { ticketRowSelect, type TicketRow } from "./ticket-view";

export type QueueRow = TicketRow & {
  requesterName: string;
  assigneeName: string | null;
  assignedToMe: boolean;
};

const STATUS: Record<TicketQueueQuery["status"], TicketStatus | undefined> = {
  open: "OPEN",
  answered: "ANSWERED",
  closed: "CLOSED",
  all: undefined,
};

export const QUEUE_PAGE_SIZE = 25;

/** A row's place in the queue, for "more": its last activity (ms) and id, which break ties. */
export const queueCursorOf = (row: Pick<QueueRow, "id" | "lastMessageAt">) => `${row.lastMessageAt.getTime()}_${row.id}`;

/**
 * The agents' queue, latest activity first, by pages (keyset on last activity and id, so a page does
 * not shift when tickets move meanwhile). Requesters appear by name only: the queue is metadata.
 */
export async function listTicketQueue(
  { db }: Ctx,
  {
    staff,
    query: rawQuery = {},
    take = QUEUE_PAGE_SIZE,
  }: { staff: StaffActor; query?: Partial<Record<keyof TicketQueueQuery, unknown>>; take?: number },
) {
  authorizeAgent(staff);
  const query = ticketQueueQuerySchema.parse(rawQuery);
  const where: Prisma.SupportTicketWhereInput[] = [];
  const status = STATUS[query.status];
  if (status) where.push({ status });
  if (query.assigned === "mine") where.push({ assigneeId: staff.userId });
  if (query.assigned === "unassigned") where.push({ assigneeId: null });
  if (query.after) {
    const [ms, id] = query.after.split("_");
    const at = new Date(Number(ms));
    where.push({ OR: [{ lastMessageAt: { lt: at } }, { lastMessageAt: at, id: { lt: id } }] });
  }
  const rows = await db.supportTicket.findMany({
    where: { AND: where },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      ...ticketRowSelect,
      assigneeId: true,
      requester: { select: { firstName: true, lastName: true } },
      assignee: { select: { firstName: true, lastName: true } },
    },
  });
  const page = rows.slice(0, take).map(({ requester, assignee, assigneeId, ...row }): QueueRow => ({
    ...row,
    requesterName: `${requester.firstName} ${requester.lastName}`,
    assigneeName: assignee ? `${assignee.firstName} ${assignee.lastName}` : null,
    assignedToMe: assigneeId === staff.userId,
  }));
  return { query, rows: page, next: rows.length > take ? queueCursorOf(page[page.length - 1]) : null };
}
