import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { getConfig } from "@/lib/server/config";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { mailText } from "@/lib/server/messaging/mail-text";
import { enqueueEmail } from "@/lib/server/messaging/enqueue-message";
import { consumeAbuseLimit } from "../abuse-limits";
import { CODE_POLICY } from "../codes/one-time-codes";
import { recordSecurityEvent } from "../record-security-event";
import type { Deliver } from "../security-settings/deliver";
import { formatResetToken, hashResetSecret, newResetSecret } from "./reset-token";

/**
 * Every request takes at least this long, known address or not. The real work (a few writes) is far
 * shorter, so the time a request takes says nothing about whether the address has an account.
 */
export const RESET_REQUEST_MIN_MS = 500;

/**
 * "Forgot my password": for an active account, a single-use link valid 30 minutes goes to its
 * address. For any other address nothing is written and nothing is sent (mailing a stranger's address
 * on anyone's request would make the app a spam relay), but the same steps run up to the writes and
 * the caller gets the same nothing back, after the same minimum time (ASVS 6.3.8).
 *
 * The link only replaces the password: the second factor is still asked at sign-in, and a reset
 * neither lifts a lockout nor counts as a sign-in.
 */
export async function requestPasswordReset(
  ctx: Ctx,
  { email, minimumMs = RESET_REQUEST_MIN_MS, deliver = afterCommitDeliver }: { email: string; minimumMs?: number; deliver?: Deliver },
): Promise<void> {
  const { db } = ctx;
  const now = ctx.now();
  const started = performance.now();
  try {
    const address = email.trim().toLowerCase();
    const limit = await consumeAbuseLimit(db, { action: "passwordReset", subject: address, ipAddress: ctx.ip });
    // Counted per address typed, existing or not, so being refused reveals nothing either.
    if (!limit.allowed)
      throw new AppError("RATE_LIMITED", "password reset rate limited", { messageKey: "passwordReset.request.rateLimited" });

    const user = await db.user.findUnique({
      where: { email: address },
      select: { id: true, email: true, firstName: true, locale: true, status: true },
    });
    const account = user?.status === "ACTIVE" ? user : null;
    // Prepared for an unknown address too (with a throwaway id), so both paths do the same computing.
    const codeId = randomUUID();
    const secret = newResetSecret();
    const codeHash = hashResetSecret(account?.id ?? randomUUID(), secret);
    const link = `${getConfig().appUrl}/mot-de-passe-oublie/nouveau?jeton=${formatResetToken(codeId, secret)}`;
    const mail = await mailText(account?.locale ?? "fr", "passwordReset", {
      firstName: account?.firstName ?? "",
      minutes: CODE_POLICY.PASSWORD_RESET.ttlMinutes,
      link,
    });
    if (!account) return;

    const messageId = await db.$transaction(async (tx) => {
      // Only the latest link works: an older mail, perhaps read by someone else, is dead.
      await tx.verificationCode.updateMany({
        where: { userId: account.id, purpose: "PASSWORD_RESET", consumedAt: null },
        data: { consumedAt: now },
      });
      await tx.verificationCode.create({
        data: {
          id: codeId,
          userId: account.id,
          purpose: "PASSWORD_RESET",
          codeHash,
          expiresAt: new Date(now.getTime() + CODE_POLICY.PASSWORD_RESET.ttlMinutes * 60_000),
        },
        select: { id: true },
      });
      await recordSecurityEvent(tx, { userId: account.id, kind: "PASSWORD_RESET_REQUESTED", context: ctx });
      return enqueueEmail(tx, { to: account.email, ...mail });
    });
    deliver(messageId);
  } finally {
    const remaining = minimumMs - (performance.now() - started);
    if (remaining > 0) await sleep(remaining);
  }
}
