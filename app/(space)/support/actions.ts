"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { openTicketSchema, ticketIdSchema, ticketReplySchema } from "@/lib/schemas/support-ticket";
import { defineAction } from "@/lib/server/action/define-action";
import { closeOwnTicket } from "@/lib/server/tickets/close-own-ticket";
import { openTicket } from "@/lib/server/tickets/open-ticket";
import { replyOwnTicket } from "@/lib/server/tickets/reply-own-ticket";

/** The requester's ticket actions; each service checks the ticket is theirs. */
const access = { permission: "support:contact" } as const;

export const openTicketAction = defineAction({
  input: openTicketSchema,
  access,
  run: async ({ input, ctx }): Promise<null> => {
    const ticket = await openTicket(ctx, input);
    revalidatePath("/support");
    redirect(`/support/${ticket.id}`);
  },
});

export const replyOwnTicketAction = defineAction({
  input: ticketReplySchema,
  access,
  run: async ({ input, ctx }) => {
    const result = await replyOwnTicket(ctx, input);
    revalidatePath(`/support/${input.ticketId}`);
    return result;
  },
});

export const closeOwnTicketAction = defineAction({
  input: ticketIdSchema,
  access,
  run: async ({ input, ctx }) => {
    const result = await closeOwnTicket(ctx, input);
    revalidatePath(`/support/${input.ticketId}`);
    revalidatePath("/support");
    return result;
  },
});
