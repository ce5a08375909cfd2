/** French first, English second. */
export const locales = ["fr", "en"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "fr";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Picks the first supported language of an Accept-Language header, or French. */
export function localeFromAcceptLanguage(header: string | null): AppLocale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? defaultLocale;
}

/** English dates written day first (the app is French, its English readers are mostly European). */
const DEFAULT_REGIONAL: Record<AppLocale, string> = { fr: "fr-FR", en: "en-GB" };

/**
 * The locale dates and numbers are written in, for a language the app speaks: the region of the
 * browser's own preference for that language when it names one (en-US keeps month-first dates,
 * fr-CA its own), else France's French and British English. Bare "en" is American in Intl, which
 * gave a British visitor US dates.
 */
export function formattingLocale(locale: AppLocale, acceptLanguage?: string | null): string {
  const regional = (acceptLanguage ?? "")
    .split(",")
    .map((part) => part.split(";")[0].trim())
    .find((tag) => /^[a-z]{2}-[a-z]{2}$/i.test(tag) && tag.slice(0, 2).toLowerCase() === locale);
  if (regional) {
    try {
      const [canonical] = Intl.getCanonicalLocales(regional);
      if (Intl.DateTimeFormat.supportedLocalesOf(canonical).length) return canonical;
    } catch {
      // A malformed tag is the browser's problem, not a reason to fail the page.
    }
  }
  return DEFAULT_REGIONAL[locale];
}

/** The app's language of a formatting locale ("en-GB" → "en"), French when it is neither. */
export function appLocaleOf(tag: string): AppLocale {
  const language = tag.slice(0, 2).toLowerCase();
  return isLocale(language) ? language : defaultLocale;
}
