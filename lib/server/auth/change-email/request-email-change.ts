import "server-only";
import { z } from "zod";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { consumeAbuseLimit } from "../abuse-limits";
import { CODE_POLICY, issueCode } from "../codes/one-time-codes";
import { recordSecurityEvent } from "../record-security-event";
import type { Deliver } from "../security-settings/deliver";
import { queueSecurityMail } from "../security-settings/queue-security-mail";

/**
 * First half of changing the account's address: a code goes to the NEW address, proving the person
 * reads it. Whether another account already uses that address is not looked at here, so the answer
 * is the same either way (no way to test which addresses have accounts); a taken address is refused
 * only when the code comes back, by someone who could read it.
 */
export async function requestEmailChange(
  ctx: SignedInCtx,
  { newEmail, deliver = afterCommitDeliver }: { newEmail: string; deliver?: Deliver },
): Promise<{ sentTo: string }> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  const parsed = z.email().max(254).safeParse(newEmail.trim().toLowerCase());
  if (!parsed.success) throw new AppError("BAD_REQUEST", "invalid address", { messageKey: "security.email.invalid", field: "email" });
  const target = parsed.data;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, locale: true } });
  if (target === user.email) throw new AppError("BAD_REQUEST", "same address", { messageKey: "security.email.same", field: "email" });
  const limit = await consumeAbuseLimit(db, { action: "codeSend", subject: userId, ipAddress: ctx.ip });
  if (!limit.allowed) throw new AppError("RATE_LIMITED");

  const messageId = await db.$transaction(async (tx) => {
    const code = await issueCode(tx, { userId, purpose: "EMAIL_CHANGE", target });
    await recordSecurityEvent(tx, { userId, kind: "EMAIL_CHANGE_REQUESTED", context: ctx });
    return queueSecurityMail(tx, {
      to: { ...user, email: target },
      template: "emailChange",
      values: { code, minutes: CODE_POLICY.EMAIL_CHANGE.ttlMinutes },
    });
  });
  deliver(messageId);
  return { sentTo: target };
}
