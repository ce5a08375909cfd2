"use server";

import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { defineAction } from "@/lib/server/action/define-action";
import { completePasswordReset } from "@/lib/server/auth/password-reset/complete-password-reset";
import { requestPasswordReset } from "@/lib/server/auth/password-reset/request-password-reset";

/** The same answer whatever the address: the page says "if an account exists, a link is on its way". */
export const requestPasswordResetAction = defineAction({
  input: z.object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email("passwordReset.request.emailInvalid").max(254, "passwordReset.request.emailInvalid")),
  }),
  access: { public: true },
  run: async ({ input, ctx }) => {
    await requestPasswordReset(ctx, { email: input.email });
    return { email: input.email };
  },
});

export const completePasswordResetAction = defineAction({
  input: z.object({
    token: z.string().max(200),
    password: z
      .string()
      .min(1, "security.form.required")
      .max(PASSWORD_MAX_LENGTH * 4, "security.passwordProblems.TOO_LONG"),
  }),
  access: { public: true },
  run: async ({ input, ctx }) => {
    await completePasswordReset(ctx, { token: input.token, password: input.password });
    return null;
  },
});
