import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { pageCtx } from "@/lib/server/context/page-ctx";
import { AppError } from "@/lib/server/errors";
import { searchAccounts, SEARCH_RESULT_LIMIT, type AccountSearchResult } from "@/lib/server/support/search-accounts";
import { requireStaffForPage } from "@/lib/server/staff/require-staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.accounts"))("title") };
}

/**
 * /admin/comptes: support's account search. The query sits in the address (a GET form): it is an
 * identifier or a name, never health data, and the agent can come back to the results.
 */
export default async function AccountSearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffForPage("/admin/comptes", "support:accounts");
  const [t, format] = await Promise.all([getTranslations("support"), getFormatter()]);
  const raw = (await searchParams).q;
  const query = typeof raw === "string" ? raw.trim().slice(0, 254) : "";

  let result: AccountSearchResult | null = null;
  let refusal: string | null = null;
  if (query) {
    try {
      result = await searchAccounts(await pageCtx(), { staff, query });
    } catch (error) {
      if (!(error instanceof AppError && error.code === "RATE_LIMITED")) throw error;
      refusal = t("search.rateLimited", { minutes: Number(error.messageValues?.minutes ?? 10) });
    }
  }

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("accounts.title")}</h1>
        <p className="text-muted">{t("accounts.intro")}</p>
      </div>

      <form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-72 flex-1">
          <label htmlFor="account-search" className={labelClass}>
            {t("search.label")}
          </label>
          <p id="account-search-hint" className="mt-1 text-sm text-muted">
            {t("search.hint")}
          </p>
          <input
            id="account-search"
            name="q"
            type="search"
            autoComplete="off"
            spellCheck={false}
            defaultValue={query}
            maxLength={254}
            required
            aria-describedby="account-search-hint"
            className={fieldClass}
          />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("search.submit")}
        </button>
      </form>

      {refusal && <FormAlert>{refusal}</FormAlert>}
      {result && (
        <section aria-labelledby="results-heading" className="space-y-4">
          <h2 id="results-heading" className="text-xl font-semibold">
            {t("search.resultsTitle")}
          </h2>
          {result.kind === null ? (
            <FormAlert kind="info">{t("search.unrecognised")}</FormAlert>
          ) : (
            <>
              <p className="text-sm text-muted">{t(`search.kinds.${result.kind}`)}</p>
              {result.truncated && <FormAlert kind="info">{t("search.truncated", { limit: SEARCH_RESULT_LIMIT })}</FormAlert>}
              {result.accounts.length === 0 ? (
                <p>{t("search.none")}</p>
              ) : (
                <div className="overflow-x-auto">
                  <table className="w-full border-collapse text-left text-sm">
                    <caption className="sr-only">{t("search.caption", { count: result.accounts.length })}</caption>
                    <thead>
                      <tr className="border-b-2 border-gray-400">
                        {(["name", "email", "status", "created", "roles"] as const).map((column) => (
                          <th key={column} scope="col" className="py-2 pr-4">
                            {t(`search.columns.${column}`)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {result.accounts.map((account) => (
                        <tr key={account.id} className="border-b border-gray-300">
                          <th scope="row" className="py-2 pr-4 font-normal">
                            <Link href={`/admin/comptes/${account.id}`} className="text-brand underline">
                              {account.lastName} {account.firstName}
                            </Link>
                          </th>
                          <td className="py-2 pr-4 break-all">{account.email}</td>
                          <td className="py-2 pr-4">{t(`status.${account.status}`)}</td>
                          <td className="py-2 pr-4 whitespace-nowrap">{format.dateTime(account.createdAt, { dateStyle: "medium" })}</td>
                          <td className="py-2">{account.roles.map((role) => t(`roles.${role}`)).join(", ")}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}
