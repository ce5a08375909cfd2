import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { recordSecurityEvent } from "./record-security-event";
import type { Deliver } from "./security-settings/deliver";
import { queueSecurityMail } from "./security-settings/queue-security-mail";

/**
 * Removes one of the person's own second factors, of any kind. The last confirmed one stays: an
 * account without a second factor could not reach its data, and recovery codes are a fallback, not a
 * factor to live on. Re-authentication is the action's business (`recentAuthentication`).
 */
export async function removeFactor(
  ctx: SignedInCtx,
  { factorId, deliver = afterCommitDeliver }: { factorId: string; deliver?: Deliver },
): Promise<void> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  const messageId = await db.$transaction(async (tx) => {
    // Locks the account row: two removals racing (two tabs, each removing one of the last two
    // factors) run one after the other, so the second sees the first's result and is refused.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    // userId in the query: an id from someone else's account is simply not found.
    const factor = await tx.authFactor.findFirst({ where: { id: factorId, userId }, select: { id: true, confirmedAt: true } });
    if (!factor) throw new AppError("NOT_FOUND", "factor not found");
    if (factor.confirmedAt) {
      const others = await tx.authFactor.count({ where: { userId, id: { not: factor.id }, confirmedAt: { not: null } } });
      if (others === 0) throw new AppError("CONFLICT", "last factor", { messageKey: "security.factors.lastFactor" });
    }
    await tx.authFactor.delete({ where: { id: factor.id }, select: { id: true } });
    // An enrolment abandoned half-way was never a way in: nothing to tell anyone.
    if (!factor.confirmedAt) return null;
    await recordSecurityEvent(tx, { userId, kind: "FACTOR_REMOVED", context: ctx });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, locale: true } });
    return queueSecurityMail(tx, { to: user, template: "factorChanged" });
  });
  if (messageId) deliver(messageId);
}
