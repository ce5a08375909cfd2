import "server-only";
import { getMessages } from "next-intl/server";
import { getFormattingLocale } from "@/lib/i18n/app-locale";
import { uncheckedTranslator, type UncheckedTranslator } from "@/lib/i18n/unchecked-translator";

/**
 * The request's language with keys known only at run time (an error's message key, a zod issue's):
 * the action and route wrappers, and server components naming a scope or a category by its stored value.
 */
export async function requestUncheckedTranslator(namespace?: string): Promise<UncheckedTranslator> {
  return uncheckedTranslator({ locale: await getFormattingLocale(), messages: await getMessages(), namespace });
}
