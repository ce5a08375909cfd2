import "server-only";
import type { Prisma, Role, TicketStatus, TicketTopic } from "@/lib/generated/prisma/client";

export type TicketMessageView = { id: string; authorRole: Role; authorLabel: string; body: string; createdAt: Date };

/** A ticket and its conversation: what both sides see. Agents get more (requester, assignee) on top. */
export type TicketView = {
  id: string;
  number: number;
  subject: string;
  /** Set when the app opened the ticket: read the subject through ticketSubjectText(). */
  subjectKey: string | null;
  subjectValues: Prisma.JsonValue;
  topic: TicketTopic;
  status: TicketStatus;
  /** A reference only: support never sees the document itself, its title or a link to it. */
  documentId: string | null;
  createdAt: Date;
  lastMessageAt: Date;
  closedAt: Date | null;
  messages: TicketMessageView[];
};

/** A ticket as a list shows it (the person's own tickets, the agents' queue): no conversation, no document. */
export const ticketRowSelect = {
  id: true,
  number: true,
  subject: true,
  subjectKey: true,
  subjectValues: true,
  topic: true,
  status: true,
  lastMessageAt: true,
} as const satisfies Prisma.SupportTicketSelect;

export type TicketRow = Prisma.SupportTicketGetPayload<{ select: typeof ticketRowSelect }>;

export const ticketViewSelect = {
  ...ticketRowSelect,
  documentId: true,
  createdAt: true,
  closedAt: true,
  messages: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, authorRole: true, authorLabel: true, body: true, createdAt: true },
  },
} satisfies Prisma.SupportTicketSelect;
