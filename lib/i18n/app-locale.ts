import { getLocale } from "next-intl/server";
import { appLocaleOf, type AppLocale } from "./locales";

/**
 * next-intl's locale is the formatting one ("en-GB", "fr-FR": see request.ts), so that every
 * formatter, server or client, writes dates the reader's way. Code that chooses by language (a
 * catalogue field, a stored preference, the page's lang) asks for the app's language instead.
 */
export async function getAppLocale(): Promise<AppLocale> {
  return appLocaleOf(await getLocale());
}

/** The request's formatting locale, for the few formatters next-intl does not provide (Intl.RelativeTimeFormat). */
export async function getFormattingLocale(): Promise<string> {
  return getLocale();
}
