import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/generated/prisma/client";
import type { Messages } from "next-intl";
import { messages } from "@/lib/i18n/messages";
import { getConfig } from "@/lib/server/config";

/** The templates under "mail" (each a subject and a body; "signature" is not one). */
export type MailTemplate = Exclude<keyof Messages["mail"], "signature">;

/**
 * Subject and text of a mail in the recipient's language (their account's, not the request's: a
 * reset can be asked for from anyone's browser). Mails carry no health data, ever: at most that
 * something happened, and a code or a link.
 */
export async function mailText(
  locale: Locale,
  template: MailTemplate,
  values: Record<string, string | number>,
): Promise<{ subject: string; text: string }> {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "mail" });
  const all = { ...values, appUrl: getConfig().appUrl };
  return {
    subject: t(`${template}.subject`, all),
    text: `${t(`${template}.body`, all)}\n\n${t("signature", all)}`,
  };
}
