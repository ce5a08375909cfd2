import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { messages } from "./messages";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locales";

/**
 * The language of a request: the visitor's explicit choice (cookie), else their browser's preference,
 * else French. URLs stay the same in both languages.
 */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return {
    locale,
    messages: messages[locale],
    timeZone: "Europe/Paris",
  };
});
