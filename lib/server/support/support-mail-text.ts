import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/generated/prisma/client";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { formattingLocale } from "@/lib/i18n/locales";
import type { Messages } from "next-intl";
import { messages } from "@/lib/i18n/messages";
import { getConfig } from "@/lib/server/config";

export type SupportMailTemplate = keyof Messages["support"]["mail"];

/**
 * The mails support's actions send, like lib/server/messaging/mail-text.ts but from the "support"
 * namespace, with the shared signature. In the account's language; the date in Paris time. No
 * health data, and not the agent's name or reason either: only what happened and when.
 */
export function supportMailText(
  locale: Locale,
  template: SupportMailTemplate,
  { firstName, at }: { firstName: string; at: Date },
): { subject: string; text: string } {
  const t = createTranslator({ locale, messages: messages[locale] });
  const when = new Intl.DateTimeFormat(formattingLocale(locale), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: PARIS_TIME_ZONE,
  }).format(at);
  const values = { firstName, when, appUrl: getConfig().appUrl };
  return {
    subject: t(`support.mail.${template}.subject`, values),
    text: `${t(`support.mail.${template}.body`, values)}\n\n${t("mail.signature", values)}`,
  };
}
