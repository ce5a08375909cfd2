import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("layout");
  return (
    <footer className="mt-12 border-t-4 border-brand bg-surface">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-sm text-muted sm:px-6">
        <p>{t("footerNote")}</p>
        <p>{t("accessibility")}</p>
      </div>
    </footer>
  );
}
