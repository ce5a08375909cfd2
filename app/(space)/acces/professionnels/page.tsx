import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProfessionalLine } from "@/components/access/professional-line";
import { TextField } from "@/components/ui/field";
import { badgeClass } from "@/components/ui/field-classes";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { directoryQuerySchema } from "@/lib/consent/access-schemas";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { getAccessOverview } from "@/lib/server/consent/get-access-overview";
import { searchDirectory } from "@/lib/server/consent/search-directory";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access.directory"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The directory: a plain GET form (the search lives in the address), results a page at a time. */
export default async function DirectoryPage({ searchParams }: { searchParams: SearchParams }) {
  const patient = await requirePatientForPage("/acces/professionnels");
  const t = await getTranslations("access");
  if (!patient) return <NotPatientNotice title={t("directory.title")} />;
  const raw = await searchParams;
  const one = (key: string) => (typeof raw[key] === "string" ? raw[key] : undefined);
  const parsed = directoryQuerySchema.safeParse({ name: one("name"), profession: one("profession"), city: one("city"), page: one("page") });
  const query = parsed.success ? parsed.data : directoryQuerySchema.parse({});
  const ctx = await signedInPageCtx();
  const [results, overview] = await Promise.all([
    searchDirectory(ctx, { ...query, patientId: patient.patientId }),
    getAccessOverview(ctx, patient),
  ]);
  const withAccess = new Set(overview.grants.filter((grant) => grant.state === "active").map((grant) => grant.professional.id));
  const blocked = new Set(overview.blocks.map((block) => block.professional.id));
  const pageHref = (page: number) =>
    `/acces/professionnels?${new URLSearchParams({ name: query.name, profession: query.profession, city: query.city, page: String(page) })}`;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Link href="/acces" className="text-brand underline">
          {t("backToAccess")}
        </Link>
        <h1 className="text-3xl font-bold">{t("directory.title")}</h1>
        <p className="text-muted">{t("directory.intro")}</p>
      </div>

      <form
        method="get"
        action="/acces/professionnels"
        role="search"
        aria-label={t("directory.title")}
        className="grid gap-4 rounded-lg border border-gray-300 p-4 sm:grid-cols-3"
      >
        <TextField name="name" label={t("directory.name")} defaultValue={query.name} autoComplete="off" />
        <TextField
          name="profession"
          label={t("directory.profession")}
          hint={t("directory.professionHint")}
          defaultValue={query.profession}
          autoComplete="off"
        />
        <TextField name="city" label={t("directory.city")} defaultValue={query.city} autoComplete="address-level2" />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            {t("directory.search")}
          </button>
          <Link href="/acces/professionnels" className="text-brand underline">
            {t("directory.reset")}
          </Link>
        </div>
      </form>

      <section aria-labelledby="results-title" className="space-y-4">
        <h2 id="results-title" className="text-2xl font-bold">
          {t("directory.resultsTitle")}
        </h2>
        <p role="status">{t("directory.results", { total: results.total })}</p>
        {results.items.length > 0 && (
          <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
            {results.items.map((professional) => {
              const name = `${professional.firstName} ${professional.lastName}`;
              return (
                <li key={professional.id} className="flex flex-wrap items-start justify-between gap-3 p-4" data-testid="directory-result">
                  <div className="space-y-1">
                    <ProfessionalLine professional={professional} />
                    <p className="flex flex-wrap gap-2">
                      {/* Spaces between the badges, which the flex gap hides and a screen reader or a copy keeps. */}
                      {overview.treatingDoctor?.id === professional.id && (
                        <span className={`${badgeClass} bg-brand-light text-ink`}>{t("directory.badgeTreating")}</span>
                      )}{" "}
                      {withAccess.has(professional.id) && (
                        <span className={`${badgeClass} bg-green-100 text-green-900`}>{t("directory.badgeAccess")}</span>
                      )}{" "}
                      {blocked.has(professional.id) && (
                        <span className={`${badgeClass} bg-red-100 text-red-900`}>{t("directory.badgeBlocked")}</span>
                      )}
                    </p>
                  </div>
                  <Link
                    href={`/acces/professionnels/${professional.id}`}
                    className="rounded border border-brand px-3 py-2 font-medium text-brand hover:bg-brand-light"
                  >
                    {t("directory.open", { name })}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
        {results.pageCount > 1 && (
          <nav aria-label={t("directory.pagination")} className="flex flex-wrap items-center gap-4">
            {results.page > 1 && (
              <Link href={pageHref(results.page - 1)} className="text-brand underline">
                {t("directory.previous")}
              </Link>
            )}
            <span aria-current="page">{t("directory.page", { page: results.page, pageCount: results.pageCount })}</span>
            {results.page < results.pageCount && (
              <Link href={pageHref(results.page + 1)} className="text-brand underline">
                {t("directory.next")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
