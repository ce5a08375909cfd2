import { useMemo } from "react";
// The formatting locale ("en-GB") is what a translator needs; it is not compared with a language here.
// eslint-disable-next-line no-restricted-imports
import { useLocale, useMessages } from "next-intl";
import { uncheckedTranslator, type UncheckedTranslator } from "./unchecked-translator";

/**
 * useTranslations for keys built from data at run time (a history entry's category, a scope's key,
 * a form field's name): the client's counterpart of uncheckedTranslator, so such keys need no cast.
 * The caller checks a key with has() unless its test proves every value has one.
 */
export function useUncheckedTranslations(namespace?: string): UncheckedTranslator {
  const locale = useLocale();
  const messages = useMessages();
  return useMemo(() => uncheckedTranslator({ locale, messages, namespace }), [locale, messages, namespace]);
}
