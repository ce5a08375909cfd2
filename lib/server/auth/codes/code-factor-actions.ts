"use server";
import "server-only";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { AppError } from "@/lib/server/errors";
import { confirmAdditionalCodeFactor as confirmAdditional } from "./confirm-additional-code-factor";
import { sendLoginCode as send } from "./send-login-code";
import { startCodeFactorEnrolment as start } from "./start-code-factor-enrolment";

const enrolmentInput = z.object({
  channel: z.enum(["EMAIL", "SMS"], "codes.enrol.channelRequired"),
  phone: z.string().max(40, "codes.enrol.phoneInvalid").optional(),
});

/**
 * Asks for a sign-in code by e-mail or SMS. Only someone between the two steps of signing in needs
 * one, which no policy permission describes (they all require the second factor or its absence), so
 * the stage is checked here.
 */
export const sendLoginCode = defineAction({
  input: z.object({ factorId: z.uuid() }),
  access: { public: true },
  async run({ input, session, ctx }) {
    if (session?.stage !== "PASSWORD_VERIFIED") throw new AppError("UNAUTHENTICATED", "login code without a half session");
    await send(ctx, { userId: session.user.id, factorId: input.factorId });
    return null;
  },
});

/** The first factor of a new account; its code then goes to signIn("second-factor", { method: "otp-enrolment" }). */
export const startFirstCodeFactorEnrolment = defineAction({
  input: enrolmentInput,
  access: { permission: "account:enrol-first-factor" },
  run: ({ input, ctx }) => start(ctx, { channel: input.channel, phone: input.phone }),
});

/** One more factor, from the Sécurité page: a sensitive change, so the sign-in must be recent. */
export const startAdditionalCodeFactorEnrolment = defineAction({
  input: enrolmentInput,
  access: { permission: "account:manage-own", recentAuthentication: true },
  run: ({ input, ctx }) => start(ctx, { channel: input.channel, phone: input.phone }),
});

export const confirmAdditionalCodeFactor = defineAction({
  input: z.object({ factorId: z.uuid(), code: z.string().trim().min(1, "codes.form.codeRequired").max(40, "codes.form.codeRequired") }),
  access: { permission: "account:manage-own", recentAuthentication: true },
  async run({ input, ctx }) {
    await confirmAdditional(ctx, { factorId: input.factorId, code: input.code });
    return null;
  },
});
