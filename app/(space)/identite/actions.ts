"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { activationCodeSchema, identityDetailsSchema } from "@/lib/schemas/identity";
import { defineAction } from "@/lib/server/action/define-action";
import { getDb } from "@/lib/server/db";
import { qualifyWithActivationCode } from "@/lib/server/identity/qualify-with-activation-code";
import { requestActivationLetter } from "@/lib/server/identity/request-activation-letter";
import { updateIdentityDetails } from "@/lib/server/identity/update-identity-details";
import { actorOf } from "@/lib/server/policy/policy";

/** The patient's own identity; each service checks the actor is a patient acting on themselves. */
const access = { permission: "session:full" } as const;

export const updateIdentityDetailsAction = defineAction({
  input: identityDetailsSchema,
  access,
  run: async ({ input, session }) => {
    await updateIdentityDetails(getDb(), { actor: actorOf(session) }, input);
    revalidatePath("/identite");
    return null;
  },
});

export const requestActivationLetterAction = defineAction({
  input: z.object({}),
  access,
  run: async ({ session, ctx }) => {
    const { expiresAt } = await requestActivationLetter(getDb(), { actor: actorOf(session), ipAddress: ctx.ip });
    revalidatePath("/identite");
    return { expiresAt: expiresAt.toISOString() };
  },
});

export const qualifyWithActivationCodeAction = defineAction({
  input: activationCodeSchema,
  access,
  run: async ({ input, session, ctx }) => {
    const result = await qualifyWithActivationCode(getDb(), { actor: actorOf(session), ipAddress: ctx.ip }, input);
    revalidatePath("/identite");
    return result;
  },
});
