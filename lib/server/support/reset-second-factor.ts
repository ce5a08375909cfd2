import "server-only";
import type { z } from "zod";
import type { Deliver } from "@/lib/server/auth/security-settings/deliver";
import { revokeAllSessions } from "@/lib/server/auth/sessions/revoke-sessions";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { resetSecondFactorSchema } from "./account-action-schema";
import { actOnAccount } from "./act-on-account";
import { supportMailText } from "./support-mail-text";

/**
 * After the identity check (the three items of the checklist, required here as in the form): every
 * second factor and recovery code of the account is deleted and every session ends, so whoever held
 * a factor or a session loses it. At the next sign-in, the password leads to the first-factor
 * enrolment, as for a new account. The person is told by mail, with what to do if they did not ask.
 */
export async function resetSecondFactor(
  { db, ip: ipAddress }: Ctx,
  { staff, ...input }: z.input<typeof resetSecondFactorSchema> & { staff: StaffActor },
  { deliver, now = new Date() }: { deliver?: Deliver; now?: Date } = {},
): Promise<{ factorsRemoved: number; sessionsEnded: number }> {
  const { userId, reason } = resetSecondFactorSchema.parse(input);
  let result = { factorsRemoved: 0, sessionsEnded: 0 };
  await actOnAccount(
    db,
    staff,
    {
      userId,
      reason,
      ipAddress,
      deliver,
      notOnStaff: true,
      kinds: {
        staffAction: "SECOND_FACTOR_RESET",
        securityEvent: "SECOND_FACTOR_RESET_BY_SUPPORT",
        historyAction: "SUPPORT_SECOND_FACTOR_RESET",
      },
    },
    async (tx, target) => {
      if (target.status === "CLOSED") throw new AppError("CONFLICT", "The account is closed.", { messageKey: "support.actions.closed" });
      const factors = await tx.authFactor.deleteMany({ where: { userId } });
      const codes = await tx.recoveryCode.deleteMany({ where: { userId } });
      const sessionsEnded = await revokeAllSessions(tx, userId);
      result = { factorsRemoved: factors.count, sessionsEnded };
      const mail = supportMailText(target.locale, "secondFactorReset", { firstName: target.firstName, at: now });
      const messageId = await enqueueEmail(tx, { to: target.email, ...mail });
      return { details: { factorsRemoved: factors.count, recoveryCodesRemoved: codes.count, sessionsEnded }, messageIds: [messageId] };
    },
  );
  return result;
}
