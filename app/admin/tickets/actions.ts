"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assignTicketSchema, ticketReplySchema } from "@/lib/schemas/support-ticket";
import { resolveIdentityConflictSchema } from "@/lib/schemas/identity";
import { defineAction } from "@/lib/server/action/define-action";
import { resolveIdentityConflict } from "@/lib/server/identity/resolve-identity-conflict";
import { requireStaff } from "@/lib/server/staff/require-staff";
import { answerTicket } from "@/lib/server/tickets/answer-ticket";
import { assignTicket } from "@/lib/server/tickets/assign-ticket";
import { setTicketClosed } from "@/lib/server/tickets/set-ticket-closed";

/** The agents' ticket actions: the policy here, and again in each service. */
const access = { permission: "support:tickets" } as const;

function refresh(ticketId: string) {
  revalidatePath(`/admin/tickets/${ticketId}`);
  revalidatePath("/admin/tickets");
}

export const assignTicketAction = defineAction({
  input: assignTicketSchema,
  access,
  run: async ({ input, ctx }) => {
    const result = await assignTicket(ctx, {
      staff: await requireStaff("support:tickets"),
      ticketId: input.ticketId,
      assigneeId: input.assigneeId ?? "",
    });
    refresh(input.ticketId);
    return result;
  },
});

export const answerTicketAction = defineAction({
  input: ticketReplySchema,
  access,
  run: async ({ input, ctx }) => {
    const result = await answerTicket(ctx, { ...input, staff: await requireStaff("support:tickets") });
    refresh(input.ticketId);
    return result;
  },
});

export const setTicketClosedAction = defineAction({
  input: z.object({ ticketId: z.uuid(), closed: z.enum(["true", "false"]).transform((value) => value === "true") }),
  access,
  run: async ({ input, ctx }) => {
    const result = await setTicketClosed(ctx, { ...input, staff: await requireStaff("support:tickets") });
    refresh(input.ticketId);
    return result;
  },
});

export const resolveIdentityConflictAction = defineAction({
  input: resolveIdentityConflictSchema,
  access,
  run: async ({ input, ctx }) => {
    await resolveIdentityConflict(ctx, { ...input, staff: await requireStaff("support:tickets") });
    revalidatePath("/admin/tickets", "layout");
    return null;
  },
});
