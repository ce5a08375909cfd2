import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/generated/prisma/client";
import { messages } from "@/lib/i18n/messages";
import { getConfig } from "@/lib/server/config";

/**
 * The mail telling a patient that an app they connected lost its access. It does not name the app: an
 * app's name can say which condition a person follows ("GlucoSuivi"), and a mailbox is less guarded
 * than the space. The alert in the space names it and links to the app's page and its reason.
 */
export function appAccessEndedMail(
  locale: Locale,
  values: { firstName: string; decision: "suspend" | "delist" },
): { subject: string; text: string } {
  const appUrl = getConfig().appUrl;
  const t = createTranslator({ locale, messages: messages[locale], namespace: "catalogue.mail" });
  const tMail = createTranslator({ locale, messages: messages[locale], namespace: "mail" });
  const all = { firstName: values.firstName, link: new URL("/alertes", appUrl).toString(), appUrl };
  return { subject: t(`${values.decision}.subject`, all), text: `${t(`${values.decision}.body`, all)}\n\n${tMail("signature", all)}` };
}
