import type { Messages } from "./messages";

/**
 * Types every message key next-intl accepts (useTranslations, getTranslations, createTranslator) with
 * the French catalogue's shape: a key that is not in the catalogues fails tsc rather than showing
 * "namespace.key" to a reader.
 */
declare module "next-intl" {
  interface AppConfig {
    Messages: Messages;
  }
}
