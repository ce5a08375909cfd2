"use server";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { startTotpEnrolment } from "@/lib/server/auth/totp/start-totp-enrolment";
import { getDb } from "@/lib/server/db";

/**
 * Starts enrolling the first authenticator app of a new account. The secret is shown once, in this
 * action's answer; the factor counts only after a code from it completes the sign-in.
 */
export const startFirstTotpEnrolment = defineAction({
  input: z.object({}),
  access: { permission: "account:enrol-first-factor" },
  async run({ session }) {
    const { factorId, secretBase32, otpauthUri, qrSvg } = await startTotpEnrolment(getDb(), {
      userId: session.user.id,
      accountLabel: session.user.email,
    });
    return { factorId, secretBase32, otpauthUri, qrSvg };
  },
});
