import "server-only";
import type { z } from "zod";
import { consumeAbuseLimit } from "@/lib/server/auth/abuse-limits";
import type { Deliver } from "@/lib/server/auth/security-settings/deliver";
import { queueEmailVerificationCode } from "@/lib/server/auth/sign-up/send-email-verification";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { accountActionSchema } from "./account-action-schema";
import { actOnAccount } from "./act-on-account";
import { assertSupportAgent } from "./support-agent";

/**
 * Sends a fresh e-mail confirmation code, the same one sign-up sends, to an account still waiting for
 * it. It counts against the same sending limit as the person's own requests, so support cannot be
 * used to flood a mailbox. There is no security event kind for it: the staff audit log and the
 * person's access history record it.
 */
export async function resendEmailConfirmation(
  { db, ip: ipAddress }: Ctx,
  { staff, ...input }: z.input<typeof accountActionSchema> & { staff: StaffActor },
  { deliver }: { deliver?: Deliver } = {},
): Promise<void> {
  assertSupportAgent(staff);
  const { userId, reason } = accountActionSchema.parse(input);
  const limit = await consumeAbuseLimit(db, { action: "codeSend", subject: userId, ipAddress });
  if (!limit.allowed)
    throw new AppError("RATE_LIMITED", "Confirmation code sending limit reached.", { messageKey: "support.resend.rateLimited" });
  await actOnAccount(
    db,
    staff,
    {
      userId,
      reason,
      ipAddress,
      deliver,
      kinds: { staffAction: "EMAIL_CONFIRMATION_RESENT", securityEvent: null, historyAction: "SUPPORT_EMAIL_CONFIRMATION_RESENT" },
    },
    async (tx, target) => {
      if (target.status !== "PENDING_VERIFICATION")
        throw new AppError("CONFLICT", "The address is already confirmed.", { messageKey: "support.resend.notPending" });
      return { messageIds: [await queueEmailVerificationCode(tx, target)] };
    },
  );
}
