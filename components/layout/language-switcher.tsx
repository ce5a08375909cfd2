import { getTranslations } from "next-intl/server";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { setLocale } from "@/lib/i18n/set-locale";
import { locales } from "@/lib/i18n/locales";

/** Each language is named in itself, so a reader of either can find theirs (RGAA 8.7). */
const NAMES = { fr: "Français", en: "English" } as const;

export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getAppLocale(), getTranslations("layout")]);
  return (
    <form action={setLocale} aria-label={t("languageLabel")} className="flex items-center gap-1 text-sm">
      {locales.map((code) => {
        const current = code === locale;
        return (
          <button
            key={code}
            type="submit"
            name="locale"
            value={code}
            lang={code}
            aria-pressed={current}
            className={`rounded px-3 py-1.5 ${current ? "bg-brand text-white" : "text-brand underline hover:bg-brand-light"}`}
          >
            {NAMES[code]}
            {current && <span className="sr-only"> ({t("languageCurrent")})</span>}
          </button>
        );
      })}
    </form>
  );
}
