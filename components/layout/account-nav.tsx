import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentSession } from "@/lib/server/auth/current-session";

/**
 * The public header's links: the catalogue, and signing in or up. A session still short of its second
 * factor may only finish signing in or leave. Display only: every page checks access itself.
 */
export async function AccountNav() {
  const [session, t] = await Promise.all([getCurrentSession(), getTranslations("nav")]);
  const link = "rounded px-3 py-1.5 text-brand underline hover:bg-brand-light";
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-1 text-sm">
      <Link href="/catalogue" className={link}>
        {t("catalogue")}
      </Link>
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
      {session && <SignOutButton />}
    </nav>
  );
}
