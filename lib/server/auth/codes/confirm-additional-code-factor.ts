import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import { mailText } from "@/lib/server/messaging/mail-text";
import { consumeAbuseLimit } from "../abuse-limits";
import { recordSecurityEvent } from "../record-security-event";
import { confirmCodeFactor } from "./confirm-code-factor";
import type { CodeKeyOptions } from "./one-time-codes";

/**
 * Adds an e-mail or SMS factor to an account that is fully signed in (the first factor is confirmed
 * by the sign-in itself instead). The change goes in the security history and is mailed to the
 * account's address, in the same transaction, so the owner hears of a factor added behind their back.
 */
export async function confirmAdditionalCodeFactor(
  ctx: SignedInCtx,
  {
    factorId,
    code,
    hmacKey,
    deliver = afterCommitDeliver,
  }: { factorId: string; code: string; deliver?: (messageId: string) => void } & CodeKeyOptions,
): Promise<void> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  const limit = await consumeAbuseLimit(db, { action: "codeCheck", subject: userId, ipAddress: ctx.ip });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "code check limit");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, locale: true } });
  const mail = await mailText(user.locale, "factorChanged", { firstName: user.firstName });

  // A wrong code returns null rather than throwing, so the attempt it spent is committed.
  const messageId = await db.$transaction(async (tx) => {
    if (!(await confirmCodeFactor(tx, { userId, factorId, code, hmacKey }))) return null;
    await recordSecurityEvent(tx, { userId, kind: "FACTOR_ENROLLED", context: ctx });
    return enqueueEmail(tx, { to: user.email, ...mail });
  });
  if (!messageId) throw new AppError("BAD_REQUEST", "wrong enrolment code", { messageKey: "codes.enrol.wrongCode", field: "code" });
  deliver(messageId);
}
