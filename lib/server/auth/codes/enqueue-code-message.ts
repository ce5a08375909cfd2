import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/generated/prisma/client";
import { messages } from "@/lib/i18n/messages";
import { getConfig } from "@/lib/server/config";
import type { Db } from "@/lib/server/db";
import { enqueueEmail, enqueueSms } from "@/lib/server/messaging/enqueue-message";
import { mailText } from "@/lib/server/messaging/mail-text";
import type { CodeFactorKind } from "./code-factor-kinds";
import { CODE_POLICY } from "./one-time-codes";

const TEMPLATES = {
  LOGIN_OTP: { EMAIL_OTP: "loginCode", SMS_OTP: "loginCodeSms" },
  FACTOR_ENROLMENT: { EMAIL_OTP: "factorEnrolment", SMS_OTP: "factorEnrolmentSms" },
} as const;

/**
 * An SMS is the template's body alone (the mail signature would make it three messages), ending
 * with the origin-bound line of the WebOTP format: browsers then offer to fill the code in, but only
 * on this site, which a phishing page cannot imitate.
 */
function smsText(locale: Locale, template: "loginCodeSms" | "factorEnrolmentSms", values: { code: string; minutes: number }): string {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "mail" });
  const host = new URL(getConfig().appUrl).host;
  return `${t(`${template}.body`, values)}\n\n@${host} #${values.code}`;
}

/**
 * Queues the message carrying a code, in the caller's transaction: to the account's address for an
 * e-mail factor, to the factor's phone for an SMS one. Returns the outbox row's id.
 */
export async function enqueueCodeMessage(
  tx: Pick<Db, "outboundMessage">,
  {
    purpose,
    factor,
    user,
    code,
  }: {
    purpose: keyof typeof TEMPLATES;
    factor: { kind: CodeFactorKind; phone: string | null };
    user: { email: string; firstName: string; locale: Locale };
    code: string;
  },
): Promise<string> {
  const minutes = CODE_POLICY[purpose].ttlMinutes;
  if (factor.kind === "SMS_OTP") {
    if (!factor.phone) throw new Error("SMS factor without a phone number");
    return enqueueSms(tx, { to: factor.phone, text: smsText(user.locale, TEMPLATES[purpose].SMS_OTP, { code, minutes }) });
  }
  const mail = await mailText(user.locale, TEMPLATES[purpose].EMAIL_OTP, { firstName: user.firstName, code, minutes });
  return enqueueEmail(tx, { to: user.email, ...mail });
}
