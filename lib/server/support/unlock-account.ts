import "server-only";
import type { z } from "zod";
import type { Ctx } from "@/lib/server/context/ctx";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { accountActionSchema } from "./account-action-schema";
import { actOnAccount } from "./act-on-account";

/**
 * Lifts a lockout, including the one only support can lift (after 100 failures in a row): the count
 * starts again from zero. The person still needs their password and second factor.
 */
export async function unlockAccount(
  { db, ip: ipAddress }: Ctx,
  { staff, ...input }: z.input<typeof accountActionSchema> & { staff: StaffActor },
): Promise<void> {
  const { userId, reason } = accountActionSchema.parse(input);
  await actOnAccount(
    db,
    staff,
    {
      userId,
      reason,
      ipAddress,
      kinds: { staffAction: "ACCOUNT_UNLOCKED", securityEvent: "ACCOUNT_UNLOCKED", historyAction: "SUPPORT_ACCOUNT_UNLOCKED" },
    },
    async (tx, target) => {
      const before = await tx.user.findUniqueOrThrow({
        where: { id: target.id },
        select: { consecutiveFailures: true, lockedUntil: true },
      });
      await tx.user.update({ where: { id: target.id }, data: { consecutiveFailures: 0, lockedUntil: null }, select: { id: true } });
      return {
        details: { failuresBefore: before.consecutiveFailures, wasLocked: before.lockedUntil !== null && before.lockedUntil > new Date() },
      };
    },
  );
}
