"use server";

import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { AppError } from "@/lib/server/errors";
import { addPasskey } from "./add-passkey";
import { startPasskeyRegistration } from "./start-passkey-registration";
import { startPasskeySignIn } from "./start-passkey-sign-in";

const noInput = z.object({});

/** Registration options for a first factor: the one thing a half session without any factor may ask. */
export const startFirstPasskeyEnrolment = defineAction({
  input: noInput,
  access: { permission: "account:enrol-first-factor" },
  run: ({ ctx, session }) => startPasskeyRegistration(ctx, { userId: session.user.id }),
});

/** Registration options for another passkey, from the Sécurité page: changing factors needs a recent sign-in. */
export const startAdditionalPasskey = defineAction({
  input: noInput,
  access: { permission: "account:manage-own", recentAuthentication: true },
  run: ({ ctx, session }) => startPasskeyRegistration(ctx, { userId: session.user.id }),
});

export const addAdditionalPasskey = defineAction({
  input: z.object({
    response: z.string().min(2).max(20_000),
    label: z.string().trim().max(100, "passkeys.form.labelTooLong").optional(),
  }),
  access: { permission: "account:manage-own", recentAuthentication: true },
  run: async ({ input, ctx }) => {
    await addPasskey(ctx, { response: input.response, label: input.label });
    return null;
  },
});

/**
 * Authentication options for the second step of signing in. No permission fits a half session that
 * already has factors (the policy grants it nothing, rightly), so the stage is checked here: only
 * someone who has just given the right password gets a challenge, for their own passkeys.
 */
export const startPasskeySignInOptions = defineAction({
  input: noInput,
  access: { public: true },
  run: ({ ctx, session }) => {
    if (!session || session.stage !== "PASSWORD_VERIFIED")
      throw new AppError("UNAUTHENTICATED", "no half session", { messageKey: "auth.errors.SESSION_EXPIRED" });
    return startPasskeySignIn(ctx, { userId: session.user.id });
  },
});

/**
 * Authentication options for re-authenticating on the Sécurité page (a FULL session proving itself
 * again before a sensitive change): the answer is checked with verifyPasskeySignIn, like sign-in.
 */
export const startPasskeyReauthentication = defineAction({
  input: noInput,
  access: { permission: "account:manage-own" },
  run: ({ ctx, session }) => startPasskeySignIn(ctx, { userId: session.user.id }),
});
