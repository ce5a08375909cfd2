import "server-only";
import type { z } from "zod";
import { revokeAllSessions } from "@/lib/server/auth/sessions/revoke-sessions";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { accountActionSchema } from "./account-action-schema";
import { actOnAccount } from "./act-on-account";
import { revokeAppTokens } from "./revoke-app-tokens";

/**
 * Disables an account (sessions end at once, the session check refuses a non-active account on the
 * next request anyway, and sign-in says "disabled") or enables it again. Enabling brings back
 * ACTIVE, or PENDING_VERIFICATION if the address was never confirmed. A closed account stays closed.
 */
export async function setAccountEnabled(
  { db, ip: ipAddress }: Ctx,
  { staff, ...input }: z.input<typeof accountActionSchema> & { enabled: boolean; staff: StaffActor },
  { now = new Date() }: { now?: Date } = {},
): Promise<void> {
  const { userId, reason } = accountActionSchema.parse(input);
  if (input.enabled) {
    await actOnAccount(
      db,
      staff,
      {
        userId,
        reason,
        ipAddress,
        kinds: { staffAction: "ACCOUNT_ENABLED", securityEvent: "ACCOUNT_ENABLED", historyAction: "SUPPORT_ACCOUNT_ENABLED" },
      },
      async (tx, target) => {
        const status = target.emailVerifiedAt ? "ACTIVE" : "PENDING_VERIFICATION";
        // Conditional, so two agents acting at once cannot both pass the status check.
        const { count } = await tx.user.updateMany({ where: { id: userId, status: "DISABLED" }, data: { status } });
        if (count === 0) throw new AppError("CONFLICT", "The account is not disabled.", { messageKey: "support.enable.notDisabled" });
        return { details: { status } };
      },
    );
    return;
  }
  await actOnAccount(
    db,
    staff,
    {
      userId,
      reason,
      ipAddress,
      notOnStaff: true,
      kinds: { staffAction: "ACCOUNT_DISABLED", securityEvent: "ACCOUNT_DISABLED", historyAction: "SUPPORT_ACCOUNT_DISABLED" },
    },
    async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: userId, status: { in: ["ACTIVE", "PENDING_VERIFICATION"] } },
        data: { status: "DISABLED" },
      });
      if (count === 0) throw new AppError("CONFLICT", "The account cannot be disabled now.", { messageKey: "support.disable.notActive" });
      const sessionsEnded = await revokeAllSessions(tx, userId);
      const appTokensRevoked = await revokeAppTokens(tx, userId, now);
      return { details: { sessionsEnded, appTokensRevoked } };
    },
  );
}
