import { getTranslations } from "next-intl/server";

/** First focusable element of every page (RGAA 12.7). */
export async function SkipLink() {
  const t = await getTranslations("layout");
  return (
    <a
      href="#contenu"
      className="sr-only z-50 rounded bg-white px-4 py-2 text-brand underline focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
    >
      {t("skipLink")}
    </a>
  );
}
