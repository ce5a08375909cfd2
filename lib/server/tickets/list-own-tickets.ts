import "server-only";
import type { Prisma, TicketStatus, TicketTopic } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { requesterOf } from "./ticket-context";

export type OwnTicketRow = {
  id: string;
  number: number;
  subject: string;
  subjectKey: string | null;
  subjectValues: Prisma.JsonValue;
  topic: TicketTopic;
  status: TicketStatus;
  lastMessageAt: Date;
};

/** The person's own tickets, latest activity first. */
export async function listOwnTickets({ db, actor }: SignedInCtx, { take = 100 }: { take?: number } = {}): Promise<OwnTicketRow[]> {
  const requesterId = requesterOf(actor);
  return db.supportTicket.findMany({
    where: { requesterId },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      number: true,
      subject: true,
      subjectKey: true,
      subjectValues: true,
      topic: true,
      status: true,
      lastMessageAt: true,
    },
  });
}
