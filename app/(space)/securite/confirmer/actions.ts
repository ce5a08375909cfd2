"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { defineAction } from "@/lib/server/action/define-action";
import { sendLoginCode } from "@/lib/server/auth/codes/send-login-code";
import { reauthenticate } from "@/lib/server/auth/reauth/reauthenticate";

export const reauthenticateAction = defineAction({
  input: z.object({
    password: z
      .string()
      .min(1, "security.form.required")
      .max(PASSWORD_MAX_LENGTH * 4, "security.passwordProblems.TOO_LONG"),
    method: z.enum(["totp", "recovery", "otp", "passkey"]),
    // A passkey's answer is a JSON assertion, far longer than a typed code.
    code: z.string().trim().min(1, "security.form.required").max(20_000),
    suite: z.string().max(2000).optional(),
  }),
  access: { permission: "account:manage-own" },
  run: async ({ input, session, ctx }) => {
    await reauthenticate(ctx, { sessionId: session.sessionId, password: input.password, method: input.method, code: input.code });
    redirect(safeRedirectPath(input.suite, "/securite"));
  },
});

/**
 * A code by e-mail or SMS to confirm one's identity with. The same sign-in code and limits as the
 * second step of signing in; beyond the limit nothing is sent and the answer is the same.
 */
export const sendReauthenticationCodeAction = defineAction({
  input: z.object({ factorId: z.uuid() }),
  access: { permission: "account:manage-own" },
  run: async ({ input, ctx }) => {
    await sendLoginCode(ctx, { userId: ctx.actor.userId, factorId: input.factorId });
    return null;
  },
});
