"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { activationCodeSchema, identityDetailsSchema } from "@/lib/schemas/identity";
import { defineAction } from "@/lib/server/action/define-action";
import { qualifyWithActivationCode } from "@/lib/server/identity/qualify-with-activation-code";
import { requestActivationLetter } from "@/lib/server/identity/request-activation-letter";
import { updateIdentityDetails } from "@/lib/server/identity/update-identity-details";

/** The patient's own identity; each service checks the actor is a patient acting on themselves. */
const access = { permission: "session:full" } as const;

export const updateIdentityDetailsAction = defineAction({
  input: identityDetailsSchema,
  access,
  run: async ({ input, ctx }) => {
    await updateIdentityDetails(ctx, input);
    revalidatePath("/identite");
    return null;
  },
});

export const requestActivationLetterAction = defineAction({
  input: z.object({}),
  access,
  run: async ({ ctx }) => {
    const { expiresAt } = await requestActivationLetter(ctx);
    revalidatePath("/identite");
    return { expiresAt: expiresAt.toISOString() };
  },
});

export const qualifyWithActivationCodeAction = defineAction({
  input: activationCodeSchema,
  access,
  run: async ({ input, ctx }) => {
    const result = await qualifyWithActivationCode(ctx, input);
    revalidatePath("/identite");
    return result;
  },
});
