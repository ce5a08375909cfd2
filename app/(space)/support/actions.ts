"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { openTicketSchema, ticketIdSchema, ticketReplySchema } from "@/lib/schemas/support-ticket";
import { defineAction } from "@/lib/server/action/define-action";
import { getDb } from "@/lib/server/db";
import { actorOf } from "@/lib/server/policy/policy";
import { closeOwnTicket } from "@/lib/server/tickets/close-own-ticket";
import { openTicket } from "@/lib/server/tickets/open-ticket";
import { replyOwnTicket } from "@/lib/server/tickets/reply-own-ticket";

/** The requester's ticket actions; each service checks the ticket is theirs. */
const access = { permission: "support:contact" } as const;

export const openTicketAction = defineAction({
  input: openTicketSchema,
  access,
  run: async ({ input, session, ctx }): Promise<null> => {
    const ticket = await openTicket(getDb(), { actor: actorOf(session), ipAddress: ctx.ip }, input);
    revalidatePath("/support");
    redirect(`/support/${ticket.id}`);
  },
});

export const replyOwnTicketAction = defineAction({
  input: ticketReplySchema,
  access,
  run: async ({ input, session, ctx }) => {
    const result = await replyOwnTicket(getDb(), { actor: actorOf(session), ipAddress: ctx.ip }, input);
    revalidatePath(`/support/${input.ticketId}`);
    return result;
  },
});

export const closeOwnTicketAction = defineAction({
  input: ticketIdSchema,
  access,
  run: async ({ input, session, ctx }) => {
    const result = await closeOwnTicket(getDb(), { actor: actorOf(session), ipAddress: ctx.ip }, input);
    revalidatePath(`/support/${input.ticketId}`);
    revalidatePath("/support");
    return result;
  },
});
