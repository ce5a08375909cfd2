"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { acceptAppRequest } from "@/lib/server/apps/accept-app-request";
import { changeConnection } from "@/lib/server/apps/change-connection";
import { connectApp } from "@/lib/server/apps/connect-app";
import { consentFormSchema } from "@/lib/server/apps/consent-choice";
import { declineAppRequest } from "@/lib/server/apps/decline-app-request";
import { disconnectApp } from "@/lib/server/apps/disconnect-app";

/**
 * The patient's connected-app actions. The policy here asks for a full session; each service then
 * authorizes the patient over their own connections (health:write-own with themself as owner).
 */
const access = { permission: "session:full" } as const;

export const connectAppAction = defineAction({
  input: consentFormSchema.extend({ slug: z.string().min(1).max(80) }),
  access,
  run: async ({ input: { slug, ...form }, ctx }) => {
    await connectApp(ctx, { slug, form });
    revalidatePath("/services-connectes");
    redirect("/services-connectes?statut=connecte");
  },
});

export const changeConnectionAction = defineAction({
  input: consentFormSchema.extend({ connectionId: z.uuid() }),
  access,
  run: async ({ input: { connectionId, ...form }, ctx }) => {
    await changeConnection(ctx, { connectionId, form });
    revalidatePath("/services-connectes");
    redirect("/services-connectes?statut=modifie");
  },
});

export const disconnectAppAction = defineAction({
  input: z.object({ connectionId: z.uuid() }),
  access,
  run: async ({ input, ctx }) => {
    await disconnectApp(ctx, input);
    revalidatePath("/services-connectes");
    return null;
  },
});

/** Grants what a connected app now asks beyond the patient's answers (the same consent as connecting). */
export const acceptAppRequestAction = defineAction({
  input: z.object({ connectionId: z.uuid() }),
  access,
  run: async ({ input, ctx }) => {
    await acceptAppRequest(ctx, input);
    revalidatePath("/services-connectes");
    revalidatePath("/espace");
    redirect("/services-connectes?statut=accepte");
  },
});

/** Keeps the connection as it is: the app's new request is declined and not asked again. */
export const declineAppRequestAction = defineAction({
  input: z.object({ connectionId: z.uuid() }),
  access,
  run: async ({ input, ctx }) => {
    await declineAppRequest(ctx, input);
    revalidatePath("/services-connectes");
    revalidatePath("/espace");
    redirect("/services-connectes?statut=garde");
  },
});
