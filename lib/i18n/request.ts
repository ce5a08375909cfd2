import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { messages } from "./messages";
import { formattingLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locales";

/**
 * The language of a request: the visitor's explicit choice (cookie), else their browser's preference,
 * else French. URLs stay the same in both languages. next-intl gets the regional locale ("en-GB"), so
 * its formatters on the server and, through the provider, in the browser write dates the same way;
 * code that needs the language alone reads it through getAppLocale().
 */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const acceptLanguage = (await headers()).get("accept-language");
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage(acceptLanguage);
  return {
    locale: formattingLocale(locale, acceptLanguage),
    messages: messages[locale],
    timeZone: "Europe/Paris",
  };
});
