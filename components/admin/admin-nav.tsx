import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { actorOf } from "@/lib/server/policy/policy";
import { staffPermissionsOf } from "@/lib/server/staff/require-staff";
import { ADMIN_SECTIONS } from "./admin-sections";

/** The sections this staff member's roles open. Display only: every page checks its permission. */
export async function AdminNav() {
  const [session, t] = await Promise.all([getCurrentSession(), getTranslations("admin")]);
  const permissions = staffPermissionsOf(session?.stage === "FULL" ? actorOf(session) : null);
  const sections = ADMIN_SECTIONS.filter((section) => (permissions as string[]).includes(section.requires.permission));
  if (sections.length === 0) return null;
  return (
    <nav aria-label={t("sectionsLabel")} className="mb-6 border-b border-slate-200 pb-3">
      <ul className="flex flex-wrap gap-2 text-sm">
        {sections.map((section) => (
          <li key={section.id}>
            <Link href={section.href} className="rounded px-3 py-1.5 text-brand underline hover:bg-brand-light">
              {t(`sections.${section.id}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
