import "server-only";
import type { z } from "zod";
import type { Deliver } from "@/lib/server/auth/security-settings/deliver";
import { revokeAllSessions } from "@/lib/server/auth/sessions/revoke-sessions";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { accountActionSchema } from "./account-action-schema";
import { actOnAccount } from "./act-on-account";
import { revokeAppTokens } from "./revoke-app-tokens";
import { supportMailText } from "./support-mail-text";

/**
 * Closes an account at its owner's request: no more sign-in (a closed account gets the same answer
 * as an unknown address), sessions and apps' tokens end, and the person is told by mail. The
 * documents and the history stay: deleting them on closure is a retention-policy decision this
 * action does not take.
 */
export async function closeAccount(
  { db, ip: ipAddress }: Ctx,
  { staff, ...input }: z.input<typeof accountActionSchema> & { staff: StaffActor },
  { deliver, now = new Date() }: { deliver?: Deliver; now?: Date } = {},
): Promise<void> {
  const { userId, reason } = accountActionSchema.parse(input);
  await actOnAccount(
    db,
    staff,
    {
      userId,
      reason,
      ipAddress,
      deliver,
      notOnStaff: true,
      kinds: { staffAction: "ACCOUNT_CLOSED", securityEvent: "ACCOUNT_CLOSED", historyAction: "SUPPORT_ACCOUNT_CLOSED" },
    },
    async (tx, target) => {
      const { count } = await tx.user.updateMany({ where: { id: userId, status: { not: "CLOSED" } }, data: { status: "CLOSED" } });
      if (count === 0) throw new AppError("CONFLICT", "The account is already closed.", { messageKey: "support.actions.closed" });
      const sessionsEnded = await revokeAllSessions(tx, userId);
      const appTokensRevoked = await revokeAppTokens(tx, userId, now);
      const mail = supportMailText(target.locale, "accountClosed", { firstName: target.firstName, at: now });
      return {
        details: { previousStatus: target.status, sessionsEnded, appTokensRevoked },
        messageIds: [await enqueueEmail(tx, { to: target.email, ...mail })],
      };
    },
  );
}
