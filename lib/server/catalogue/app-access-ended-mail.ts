import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/generated/prisma/client";
import { messages } from "@/lib/i18n/messages";
import { getConfig } from "@/lib/server/config";

/**
 * The mail telling a patient that an app they connected lost its access: the app's name, whether it was
 * suspended or delisted, and a link to its public page (which gives the reason). No health data: the
 * app's name says only that the patient once connected it, which the patient knows.
 */
export function appAccessEndedMail(locale: Locale, values: { firstName: string; appName: string; slug: string; decision: "suspend" | "delist" }): { subject: string; text: string } {
  const appUrl = getConfig().appUrl;
  const t = createTranslator({ locale, messages: messages[locale] as never, namespace: "catalogue.mail" as never });
  const tMail = createTranslator({ locale, messages: messages[locale] as never, namespace: "mail" as never });
  const all = { ...values, link: new URL(`/catalogue/${values.slug}`, appUrl).toString(), appUrl };
  return {
    subject: (t as (key: string, values?: unknown) => string)(`${values.decision}.subject`, all),
    text: `${(t as (key: string, values?: unknown) => string)(`${values.decision}.body`, all)}\n\n${(tMail as (key: string, values?: unknown) => string)("signature", all)}`,
  };
}
