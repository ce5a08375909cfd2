import "server-only";
import type { Locale } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import type { Db } from "@/lib/server/db";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import { consumeAbuseLimit } from "../abuse-limits";
import { CODE_POLICY, issueCode } from "../codes/one-time-codes";
import { mailText } from "@/lib/server/messaging/mail-text";

/**
 * Sends a fresh e-mail confirmation code (the earlier ones stop working). Quietly does nothing once
 * the sending limit is reached: the person can ask again later, and an attacker cannot flood a mailbox.
 */
export async function sendEmailVerificationCode({ db, ip }: Ctx, { user }: { user: VerificationRecipient }): Promise<void> {
  const limit = await consumeAbuseLimit(db, { action: "codeSend", subject: user.id, ipAddress: ip });
  if (!limit.allowed) return;
  const messageId = await db.$transaction((tx) => queueEmailVerificationCode(tx, user));
  afterCommitDeliver(messageId);
}

type VerificationRecipient = { id: string; email: string; firstName: string; locale: Locale };

/**
 * Issues the code and queues its mail inside the caller's transaction, for a caller that writes
 * more with it (support resending the confirmation records its action in the same transaction).
 * Returns the outbox id to deliver after commit. The sending limit is the caller's to check.
 */
export async function queueEmailVerificationCode(
  tx: Pick<Db, "verificationCode" | "outboundMessage">,
  user: VerificationRecipient,
): Promise<string> {
  const code = await issueCode(tx, { userId: user.id, purpose: "EMAIL_VERIFICATION" });
  const mail = await mailText(user.locale, "emailVerification", {
    firstName: user.firstName,
    code,
    minutes: CODE_POLICY.EMAIL_VERIFICATION.ttlMinutes,
  });
  return enqueueEmail(tx, { to: user.email, ...mail });
}
