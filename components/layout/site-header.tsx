import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountNav } from "./account-nav";
import { LanguageSwitcher } from "./language-switcher";

/** The header of a visitor or of a session still short of its second factor (signed-in pages use AppShell). */
export async function SiteHeader() {
  const t = await getTranslations("layout");
  return (
    <header className="border-b border-gray-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <Link href="/" aria-label={t("homeLink")} className="text-lg font-bold text-brand hover:underline">
          {t("siteName")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <AccountNav />
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
