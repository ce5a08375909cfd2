import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/generated/prisma/client";
import { messages } from "@/lib/i18n/messages";
import { getConfig } from "@/lib/server/config";

/**
 * The mail telling a patient that an app they connected now asks for more. Like the access-ended mail
 * it does not name the app (a name can say which condition a person follows; a mailbox is less guarded
 * than the space): the link leads to the connected-apps page, which names it and what it asks.
 */
export function reconsentMail(locale: Locale, values: { firstName: string }): { subject: string; text: string } {
  const appUrl = getConfig().appUrl;
  const t = createTranslator({ locale, messages: messages[locale], namespace: "catalogue.mail" });
  const tMail = createTranslator({ locale, messages: messages[locale], namespace: "mail" });
  const all = { firstName: values.firstName, link: new URL("/services-connectes", appUrl).toString(), appUrl };
  return { subject: t("reconsent.subject", all), text: `${t("reconsent.body", all)}\n\n${tMail("signature", all)}` };
}
