import "server-only";
import { ticketReplySchema, type TicketReplyInput } from "@/lib/schemas/support-ticket";
import type { Deliver } from "@/lib/server/auth/security-settings/deliver";
import { getConfig } from "@/lib/server/config";
import type { Ctx } from "@/lib/server/context/ctx";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import { mailText } from "@/lib/server/messaging/mail-text";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import { authorizeAgent, findTicketForAgent } from "./ticket-context";

/**
 * An agent answers: the message, the ticket now waits for the requester (ANSWERED), an in-app alert,
 * an e-mail saying only that support answered (the reply's text stays in the space, behind the
 * person's two factors) and the staff audit entry, all in one transaction. A closed ticket must be
 * reopened first.
 */
export async function answerTicket(
  { db, ip: ipAddress }: Ctx,
  { staff, ...input }: TicketReplyInput & { staff: StaffActor },
  { deliver = afterCommitDeliver }: { deliver?: Deliver } = {},
): Promise<{ messageId: string }> {
  authorizeAgent(staff);
  const { ticketId, message } = ticketReplySchema.parse(input);
  const ticket = await findTicketForAgent(db, ticketId);
  const requester = await db.user.findUniqueOrThrow({
    where: { id: ticket.requesterId },
    select: { email: true, firstName: true, locale: true },
  });
  // The number as typed on the phone, without digit grouping.
  const mail = await mailText(requester.locale, "tickets", {
    firstName: requester.firstName,
    number: String(ticket.number),
    link: new URL(`/support/${ticket.id}`, getConfig().appUrl).toString(),
  });
  const { messageId, outboxId } = await db.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.supportTicket.updateMany({
      where: { id: ticket.id, status: { not: "CLOSED" } },
      data: { status: "ANSWERED", lastMessageAt: now },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "answer to a closed ticket", { messageKey: "tickets.errors.closedForAgent" });
    const row = await tx.supportMessage.create({
      data: {
        ticketId: ticket.id,
        authorId: staff.userId,
        authorRole: "SUPPORT",
        authorLabel: staff.label.slice(0, 200),
        body: message,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.notification.create({
      data: { userId: ticket.requesterId, kind: "TICKET_REPLY", ticketId: ticket.id, actorLabel: "Support" },
      select: { id: true },
    });
    const outboxId = await enqueueEmail(tx, { to: requester.email, ...mail });
    await recordStaffAction(tx, {
      staff,
      action: "TICKET_REPLIED",
      target: { userId: ticket.requesterId, label: ticket.requesterLabel, ticketId: ticket.id },
      details: { number: ticket.number, messageId: row.id },
      ipAddress,
    });
    return { messageId: row.id, outboxId };
  });
  deliver(outboxId);
  return { messageId };
}
