"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { changeConnection } from "@/lib/server/apps/change-connection";
import { connectApp } from "@/lib/server/apps/connect-app";
import { consentFormSchema } from "@/lib/server/apps/consent-choice";
import { disconnectApp } from "@/lib/server/apps/disconnect-app";
import { getDb } from "@/lib/server/db";
import { actorOf } from "@/lib/server/policy/policy";

/**
 * The patient's connected-app actions. The policy here asks for a full session; each service then
 * authorizes the patient over their own connections (health:write-own with themself as owner).
 */
const access = { permission: "session:full" } as const;

export const connectAppAction = defineAction({
  input: consentFormSchema.extend({ slug: z.string().min(1).max(80) }),
  access,
  run: async ({ input: { slug, ...form }, session, ctx }) => {
    await connectApp(getDb(), { actor: actorOf(session), ipAddress: ctx.ip }, { slug, form });
    revalidatePath("/services-connectes");
    redirect("/services-connectes?statut=connecte");
  },
});

export const changeConnectionAction = defineAction({
  input: consentFormSchema.extend({ connectionId: z.uuid() }),
  access,
  run: async ({ input: { connectionId, ...form }, session, ctx }) => {
    await changeConnection(getDb(), { actor: actorOf(session), ipAddress: ctx.ip }, { connectionId, form });
    revalidatePath("/services-connectes");
    redirect("/services-connectes?statut=modifie");
  },
});

export const disconnectAppAction = defineAction({
  input: z.object({ connectionId: z.uuid() }),
  access,
  run: async ({ input, session, ctx }) => {
    await disconnectApp(getDb(), { actor: actorOf(session), ipAddress: ctx.ip }, input);
    revalidatePath("/services-connectes");
    return null;
  },
});
