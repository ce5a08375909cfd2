import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentSession } from "@/lib/server/auth/current-session";

/**
 * Links for the visitor's state. Display only: every page checks access itself, where it reads data.
 */
export async function AccountNav() {
  const [session, t, tDocuments, tPro, tAccess] = await Promise.all([getCurrentSession(), getTranslations("nav"), getTranslations("documents"), getTranslations("pro"), getTranslations("access")]);
  const link = "rounded px-3 py-1.5 text-brand underline hover:bg-brand-light";
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-1 text-sm">
      {!session && (
        <>
          <Link href="/connexion" className={link}>
            {t("signIn")}
          </Link>
          <Link href="/inscription" className="rounded bg-brand px-3 py-1.5 font-medium text-white hover:bg-brand-dark">
            {t("signUp")}
          </Link>
        </>
      )}
      {session?.stage === "FULL" && (
        <>
          <Link href="/espace" className={link}>
            {t("space")}
          </Link>
          {session.user.roles.includes("PATIENT") && (
            <Link href="/documents" className={link}>
              {tDocuments("title")}
            </Link>
          )}
          {session.user.roles.includes("PATIENT") && (
            <Link href="/acces" className={link}>
              {tAccess("navLabel")}
            </Link>
          )}
          {session.user.roles.includes("PROFESSIONAL") && (
            <Link href="/pro" className={link}>
              {tPro("nav")}
            </Link>
          )}
          <Link href="/securite" className={link}>
            {t("security")}
          </Link>
        </>
      )}
      {session && <SignOutButton />}
    </nav>
  );
}
