import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { consumeAbuseLimit } from "../abuse-limits";
import { checkCode } from "../codes/one-time-codes";
import { recordSecurityEvent, type RequestContext } from "../record-security-event";
import type { Deliver } from "../security-settings/deliver";
import { queueSecurityMail } from "../security-settings/queue-security-mail";

const taken = () => new AppError("CONFLICT", "address taken", { messageKey: "security.email.taken", field: "code" });

/**
 * Second half: the code from the new address switches the account over. The OLD address is told, so
 * someone who took over a session cannot quietly move the account to a mailbox of theirs.
 */
export async function confirmEmailChange(
  db: Db,
  {
    userId,
    code,
    context,
    now = new Date(),
    deliver = afterCommitDeliver,
  }: { userId: string; code: string; context: RequestContext; now?: Date; deliver?: Deliver },
): Promise<{ email: string }> {
  const limit = await consumeAbuseLimit(db, { action: "codeCheck", subject: userId, ipAddress: context.ip });
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
      await recordSecurityEvent(tx, { userId, kind: "EMAIL_CHANGED", context });
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
