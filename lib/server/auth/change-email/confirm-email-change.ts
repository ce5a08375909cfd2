import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { consumeAbuseLimit } from "../abuse-limits";
import { checkCode } from "../codes/one-time-codes";
import { recordSecurityEvent } from "../record-security-event";
import type { Deliver } from "../security-settings/deliver";
import { queueSecurityMail } from "../security-settings/queue-security-mail";

const taken = () => new AppError("CONFLICT", "address taken", { messageKey: "security.email.taken", field: "code" });

/**
 * Second half: the code from the new address switches the account over. The OLD address is told, so
 * someone who took over a session cannot quietly move the account to a mailbox of theirs.
 */
export async function confirmEmailChange(
  ctx: SignedInCtx,
  { code, deliver = afterCommitDeliver }: { code: string; deliver?: Deliver },
): Promise<{ email: string }> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  const now = ctx.now();
  const limit = await consumeAbuseLimit(db, { action: "codeCheck", subject: userId, ipAddress: ctx.ip });
  if (!limit.allowed) throw new AppError("RATE_LIMITED");
  const check = await checkCode(db, { userId, purpose: "EMAIL_CHANGE", code, now });
  if (!check.ok)
    throw new AppError("BAD_REQUEST", "email change code refused", {
      messageKey: `security.email.codeErrors.${check.reason}`,
      field: "code",
    });
  const target = check.target;
  if (!target) throw new AppError("BAD_REQUEST", "email change code without target");
  if ((await db.user.count({ where: { email: target, id: { not: userId } } })) > 0) throw taken();

  const old = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, locale: true } });
  try {
    const messageId = await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { email: target, emailVerifiedAt: now }, select: { id: true } });
      await recordSecurityEvent(tx, { userId, kind: "EMAIL_CHANGED", context: ctx });
      return queueSecurityMail(tx, { to: old, template: "emailChanged" });
    });
    deliver(messageId);
  } catch (error) {
    // Someone else took the address between the check above and the update.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken();
    throw error;
  }
  return { email: target };
}
