import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/generated/prisma/client";
import { messages } from "@/lib/i18n/messages";
import { getConfig } from "@/lib/server/config";

type MailTemplates = (typeof import("@/lib/i18n/messages/fr/mail.json"))["mail"];
export type MailTemplate = keyof MailTemplates;

/**
 * Subject and text of a mail in the recipient's language (their account's, not the request's: a
 * reset can be asked for from anyone's browser). Mails carry no health data, ever: at most that
 * something happened, and a code or a link.
 */
export async function mailText(locale: Locale, template: MailTemplate, values: Record<string, string | number>): Promise<{ subject: string; text: string }> {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "mail" });
  const all = { ...values, appUrl: getConfig().appUrl };
  const key = template as string;
  return {
    subject: t(`${key}.subject` as never, all as never),
    text: `${t(`${key}.body` as never, all as never)}\n\n${t("signature" as never, all as never)}`,
  };
}
