import { createTranslator } from "next-intl";

/**
 * A translator whose keys are any string: for keys built from stored data (an audit entry's detail
 * names, a history entry's kind), which the caller checks with has() before use. Code whose keys are
 * known uses getTranslations/useTranslations, whose keys tsc checks against the catalogue.
 */
export type UncheckedTranslator = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/** use-intl's own type for messages it does not know the shape of: keys are then any string. */
type UntypedMessages = NonNullable<Parameters<typeof createTranslator>[0]["messages"]>;

export function uncheckedTranslator({
  locale,
  messages,
  namespace,
}: {
  locale: string;
  messages: UntypedMessages;
  namespace?: string;
}): UncheckedTranslator {
  const translator = createTranslator({ locale, messages, namespace });
  return Object.assign((key: string, values?: Record<string, string | number>) => translator(key, values), {
    has: (key: string) => translator.has(key),
  });
}
