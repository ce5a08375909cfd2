import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { consumeAbuseLimit } from "../abuse-limits";
import { isLocked } from "../account-lockout";
import { CODE_FACTOR_KINDS } from "./code-factor-kinds";
import { enqueueCodeMessage } from "./enqueue-code-message";
import { issueCode, type CodeKeyOptions } from "./one-time-codes";

/**
 * Sends a sign-in code through one of the account's confirmed e-mail or SMS factors (the one asked
 * for, else the one used last) to someone who has passed the password step. Earlier login codes stop
 * working. Beyond the sending limit, or while the account is locked, it quietly sends nothing: the
 * page tells everyone to wait and ask again if nothing comes, and a mailbox or phone cannot be flooded.
 */
export async function sendLoginCode(
  ctx: Ctx,
  {
    userId,
    factorId,
    hmacKey,
    deliver = afterCommitDeliver,
  }: { userId: string; factorId?: string; deliver?: (messageId: string) => void } & CodeKeyOptions,
): Promise<{ sent: boolean }> {
  const { db } = ctx;
  const factor = await db.authFactor.findFirst({
    where: { userId, kind: { in: CODE_FACTOR_KINDS }, confirmedAt: { not: null }, ...(factorId ? { id: factorId } : {}) },
    orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: { id: true, kind: true, phone: true, user: { select: { email: true, firstName: true, locale: true, lockedUntil: true } } },
  });
  if (!factor) throw new AppError("NOT_FOUND", "no confirmed code factor");

  const limit = await consumeAbuseLimit(db, { action: "codeSend", subject: userId, ipAddress: ctx.ip });
  if (!limit.allowed || isLocked(factor.user)) return { sent: false };

  const messageId = await db.$transaction(async (tx) => {
    const code = await issueCode(tx, { userId, purpose: "LOGIN_OTP", target: factor.id, hmacKey });
    return enqueueCodeMessage(tx, {
      purpose: "LOGIN_OTP",
      factor: { kind: factor.kind as "EMAIL_OTP" | "SMS_OTP", phone: factor.phone },
      user: factor.user,
      code,
    });
  });
  deliver(messageId);
  return { sent: true };
}
