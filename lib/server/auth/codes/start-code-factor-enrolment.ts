import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { consumeAbuseLimit } from "../abuse-limits";
import type { CodeFactorKind } from "./code-factor-kinds";
import { maskEmail, maskPhone } from "./describe-destination";
import { enqueueCodeMessage } from "./enqueue-code-message";
import { normalisePhoneNumber } from "./normalise-phone-number";
import { issueCode, type CodeKeyOptions } from "./one-time-codes";
import { smsDeliveryAvailable } from "./sms-delivery";

export type CodeFactorEnrolment = { factorId: string; kind: CodeFactorKind; maskedDestination: string };

/**
 * First half of enrolling a code factor: an UNCONFIRMED factor — the account's own address, or a
 * mobile number — and a code sent there. confirmCodeFactor (or the sign-in's enrolment step) makes it
 * count once the code comes back, proving the person receives what goes there. An abandoned attempt
 * of the same kind is replaced, and only the latest code works.
 *
 * Unlike sign-in codes, a refused send is reported: the person is already known to the account, and
 * enrolment cannot go on without the code. The limit still keeps anyone from using it to flood a phone.
 */
export async function startCodeFactorEnrolment(
  ctx: SignedInCtx,
  {
    channel,
    phone,
    hmacKey,
    deliver = afterCommitDeliver,
    smsAvailable = smsDeliveryAvailable(),
  }: {
    channel: "EMAIL" | "SMS";
    phone?: string;
    deliver?: (messageId: string) => void;
    smsAvailable?: boolean;
  } & CodeKeyOptions,
): Promise<CodeFactorEnrolment> {
  const { db } = ctx;
  const { userId } = ctx.actor;
  const kind: CodeFactorKind = channel === "SMS" ? "SMS_OTP" : "EMAIL_OTP";
  let e164: string | null = null;
  if (kind === "SMS_OTP") {
    if (!smsAvailable) throw new AppError("BAD_REQUEST", "no SMS provider", { messageKey: "codes.enrol.smsUnavailable" });
    e164 = normalisePhoneNumber(phone ?? "");
    if (!e164) throw new AppError("BAD_REQUEST", "invalid phone number", { messageKey: "codes.enrol.phoneInvalid", field: "phone" });
  }

  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, locale: true } });
  const duplicate = await db.authFactor.count({ where: { userId, kind, confirmedAt: { not: null }, ...(e164 ? { phone: e164 } : {}) } });
  if (duplicate > 0) {
    throw new AppError("CONFLICT", "code factor already enrolled", {
      messageKey: kind === "SMS_OTP" ? "codes.enrol.phoneAlreadyEnrolled" : "codes.enrol.emailAlreadyEnrolled",
      field: kind === "SMS_OTP" ? "phone" : undefined,
    });
  }

  const limit = await consumeAbuseLimit(db, { action: "codeSend", subject: userId, ipAddress: ctx.ip });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "code sending limit", { messageKey: "codes.enrol.tooManySends" });

  const { factorId, messageId } = await db.$transaction(async (tx) => {
    await tx.authFactor.deleteMany({ where: { userId, kind, confirmedAt: null } });
    const factor = await tx.authFactor.create({ data: { userId, kind, phone: e164 }, select: { id: true } });
    const code = await issueCode(tx, { userId, purpose: "FACTOR_ENROLMENT", target: factor.id, hmacKey });
    const messageId = await enqueueCodeMessage(tx, { purpose: "FACTOR_ENROLMENT", factor: { kind, phone: e164 }, user, code });
    return { factorId: factor.id, messageId };
  });
  deliver(messageId);
  return { factorId, kind, maskedDestination: e164 ? maskPhone(e164) : maskEmail(user.email) };
}
