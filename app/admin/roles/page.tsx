import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ReauthNotice } from "@/components/security/reauth-notice";
import { RoleChangeForm } from "@/components/staff/role-change-form";
import { buttonClass } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { findAccountForRoles } from "@/lib/server/admin/find-account-for-roles";
import { listStaffMembers } from "@/lib/server/admin/list-staff-members";
import { STAFF_ROLES } from "@/lib/server/admin/staff-roles";
import { isRecentlyAuthenticated } from "@/lib/server/auth/reauth/is-recently-authenticated";
import { pageCtx } from "@/lib/server/context/page-ctx";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";
import { changeStaffRoleAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.roles"))("title") };
}

const emailSchema = z.email().max(254);

/** /admin/roles: find an account by e-mail, give or withdraw its staff roles; the current team. */
export default async function StaffRolesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffForPage("/admin/roles", "admin:roles");
  // Role changes need a recent proof of identity: said up front, before the form.
  const recentlyAuthenticated = isRecentlyAuthenticated(staff);
  const t = await getTranslations("staff.roles");
  const raw = (await searchParams).email;
  const searched = typeof raw === "string" && raw.trim() !== "" ? raw.trim() : null;
  const email = searched ? emailSchema.safeParse(searched) : null;
  const ctx = await pageCtx();
  const here = email?.success ? `/admin/roles?${new URLSearchParams({ email: email.data })}` : "/admin/roles";
  const [account, team] = await Promise.all([
    email?.success ? findAccountForRoles(ctx, { staff, email: email.data }) : null,
    listStaffMembers(ctx, { staff }),
  ]);
  const roleNames = (roles: readonly string[]) =>
    roles
      .filter((role) => (STAFF_ROLES as readonly string[]).includes(role))
      .map((role) => t(`names.${role as (typeof STAFF_ROLES)[number]}`));

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </div>

      <section aria-labelledby="search-heading" className="space-y-4">
        <h2 id="search-heading" className="text-xl font-semibold">
          {t("search.heading")}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="min-w-72 flex-1">
            <label htmlFor="role-search-email" className={labelClass}>
              {t("search.label")}
            </label>
            <p id="role-search-hint" className="mt-1 text-sm text-muted">
              {t("search.hint")}
            </p>
            <input
              id="role-search-email"
              name="email"
              type="email"
              autoComplete="off"
              defaultValue={searched ?? ""}
              aria-describedby="role-search-hint"
              required
              className={fieldClass}
            />
          </div>
          <button type="submit" className={buttonClass("primary")}>
            {t("search.submit")}
          </button>
        </form>
        {email && !email.success && <FormAlert>{t("search.invalid")}</FormAlert>}
        {email?.success && !account && <FormAlert kind="info">{t("search.notFound")}</FormAlert>}
        {account && (
          <div className="space-y-6 rounded border border-slate-200 p-4">
            <h3 className="text-lg font-semibold">{t("account.heading", { name: account.label })}</h3>
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">{t("account.email")}</dt>
              <dd>{account.email}</dd>
              <dt className="font-medium">{t("account.status")}</dt>
              <dd>{t(`statuses.${account.status}`)}</dd>
              <dt className="font-medium">{t("account.roles")}</dt>
              <dd data-testid="account-roles">{account.roles.map((role) => t(`names.${role}`)).join(", ")}</dd>
              <dt className="font-medium">{t("account.factor")}</dt>
              <dd>{account.hasConfirmedFactor ? t("account.factorYes") : t("account.factorNo")}</dd>
            </dl>
            {account.isSelf ? (
              <p className="font-medium">{t("account.self")}</p>
            ) : recentlyAuthenticated ? (
              <RoleChangeForm key={account.id} targetUserId={account.id} action={changeStaffRoleAction} returnTo={here} />
            ) : (
              <ReauthNotice returnTo={here} />
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="team-heading" className="space-y-4">
        <h2 id="team-heading" className="text-xl font-semibold">
          {t("team.heading")}
        </h2>
        {team.length === 0 ? (
          <p>{t("team.empty")}</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-medium">{t("team.caption", { count: team.length })}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  {t("team.name")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("team.email")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("team.roles")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("team.status")}
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">{t("team.manage")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.map((member) => (
                <tr key={member.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {member.label}
                  </th>
                  <td className="py-2 pr-4">{member.email}</td>
                  <td className="py-2 pr-4">{roleNames(member.roles).join(", ")}</td>
                  <td className="py-2 pr-4">{t(`statuses.${member.status}`)}</td>
                  <td className="py-2">
                    <Link
                      href={`/admin/roles?${new URLSearchParams({ email: member.email })}`}
                      className="text-brand underline"
                      aria-label={t("team.manageLabel", { name: member.label })}
                    >
                      {t("team.manage")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
