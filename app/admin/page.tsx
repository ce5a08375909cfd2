import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ADMIN_SECTIONS } from "@/components/admin/admin-sections";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { actorOf } from "@/lib/server/policy/policy";
import { staffPermissionsOf } from "@/lib/server/staff/require-staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

/** The staff landing page: the sections the person's roles open; a 404 for anyone without one. */
export default async function AdminHomePage() {
  const session = await requireFullSessionForPage("/admin");
  const permissions = staffPermissionsOf(actorOf(session)) as string[];
  if (permissions.length === 0) notFound();
  const t = await getTranslations("admin");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-muted">{t("intro")}</p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {ADMIN_SECTIONS.filter((section) => permissions.includes(section.requires.permission)).map((section) => (
          <li key={section.id} className="rounded border border-slate-200 p-4">
            <h2 className="text-lg font-semibold">
              <Link href={section.href} className="text-brand underline">
                {t(`sections.${section.id}`)}
              </Link>
            </h2>
            <p className="text-sm text-muted">{t(`sectionHints.${section.id}`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
