import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { countUnreadAlerts } from "@/lib/server/alerts/count-unread-alerts";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { getDb } from "@/lib/server/db";
import { actorOf } from "@/lib/server/policy/policy";
import { staffPermissionsOf } from "@/lib/server/staff/require-staff";

/**
 * Links for the visitor's state. Display only: every page checks access itself, where it reads data.
 */
export async function AccountNav() {
  const [session, t, tDocuments, tHistory, tPro, tAccess, tAdmin] = await Promise.all([
    getCurrentSession(),
    getTranslations("nav"),
    getTranslations("documents"),
    getTranslations("history"),
    getTranslations("pro"),
    getTranslations("access"),
    getTranslations("admin"),
  ]);
  const unreadAlerts =
    session?.stage === "FULL" && session.user.roles.includes("PATIENT") ? await countUnreadAlerts(getDb(), actorOf(session)) : 0;
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
          {session.user.roles.includes("PATIENT") && (
            <>
              <Link href="/historique" className={link}>
                {tHistory("navLink")}
              </Link>
              <Link href="/services-connectes" className={link}>
                {t("connectedApps")}
              </Link>
              <Link href="/mesures" className={link}>
                {t("measurements")}
              </Link>
              <Link href="/alertes" className={link}>
                {tHistory("alerts.nav")}
                {unreadAlerts > 0 && (
                  <>
                    <span
                      aria-hidden="true"
                      className="ml-1 inline-block min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-bold text-white no-underline"
                    >
                      {unreadAlerts}
                    </span>
                    <span className="sr-only"> ({tHistory("alerts.unreadCount", { count: unreadAlerts })})</span>
                  </>
                )}
              </Link>
            </>
          )}
          {session.user.roles.includes("PROFESSIONAL") && (
            <Link href="/pro" className={link}>
              {tPro("nav")}
            </Link>
          )}
          {staffPermissionsOf(actorOf(session)).length > 0 && (
            <Link href="/admin" className={link}>
              {tAdmin("navLabel")}
            </Link>
          )}
          <Link href="/support" className={link}>
            {t("support")}
          </Link>
          <Link href="/securite" className={link}>
            {t("security")}
          </Link>
        </>
      )}
      {session && <SignOutButton />}
    </nav>
  );
}
