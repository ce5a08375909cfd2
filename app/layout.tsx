import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/layout/app-shell";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { ErrorTextsProvider } from "@/lib/i18n/error-texts";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: `%s – ${t("title")}` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#000091" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, session, t] = await Promise.all([getAppLocale(), getCurrentSession(), getTranslations("error")]);
  // The slot is put back as it was, for the error page to fill with the reference it finds.
  const errorTexts = { title: t("title"), text: t("text"), retry: t("retry"), reference: t("reference", { digest: "{digest}" }) };
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        {/* No translation provider here: each page gives its own client components the messages they use. */}
        <ErrorTextsProvider texts={errorTexts}>
          <SkipLink />
          {session?.stage === "FULL" ? (
            // Signed in: the app shell, whichever space the page belongs to.
            <AppShell session={session}>{children}</AppShell>
          ) : (
            <>
              <SiteHeader />
              <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none sm:px-6">
                {children}
              </main>
              <SiteFooter />
            </>
          )}
        </ErrorTextsProvider>
      </body>
    </html>
  );
}
