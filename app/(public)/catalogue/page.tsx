import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppCard } from "@/components/catalogue/app-card";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
import { parseCatalogueQuery } from "@/lib/catalogue/catalogue-query";
import { DATA_KINDS } from "@/lib/catalogue/data-kinds";
import { REGIONS } from "@/lib/catalogue/regions";
import { PRICE_MODELS, THEMES } from "@/lib/catalogue/themes";
import { searchCatalogue } from "@/lib/server/catalogue/search-catalogue";
import { pageCtx } from "@/lib/server/context/page-ctx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogue"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Select({
  name,
  label,
  value,
  any,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  any: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={labelClass}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={fieldClass}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The catalogue, for everyone: a GET form (filters live in the address and work without JavaScript),
 * the number of results in a status region, then the cards.
 */
export default async function CataloguePage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseCatalogueQuery(await searchParams);
  const [t, apps] = await Promise.all([getTranslations("catalogue"), searchCatalogue(await pageCtx(), query)]);
  const filtered = Boolean(query.q || query.theme || query.region || query.data || query.price || query.medical);

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
        <p>
          <Link href="/catalogue/proposer" className="text-brand underline">
            {t("proposeLink")}
          </Link>
        </p>
      </div>

      <form
        method="get"
        action="/catalogue"
        role="search"
        aria-label={t("search.label")}
        className="space-y-4 rounded-lg border border-gray-300 p-4"
      >
        <div>
          <label htmlFor="filter-q" className={labelClass}>
            {t("search.q")}
          </label>
          <p id="filter-q-hint" className="mt-1 text-sm text-muted">
            {t("search.qHint")}
          </p>
          <input id="filter-q" name="q" type="search" defaultValue={query.q} aria-describedby="filter-q-hint" className={fieldClass} />
        </div>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 font-semibold">{t("search.filters")}</legend>
          <Select
            name="theme"
            label={t("search.theme")}
            value={query.theme}
            any={t("search.anyTheme")}
            options={THEMES.map((value) => ({ value, label: t(`themes.${value}`) }))}
          />
          <Select
            name="region"
            label={t("search.region")}
            value={query.region}
            any={t("search.anyRegion")}
            options={REGIONS.map((value) => ({ value, label: t(`regions.${value}`) }))}
          />
          <Select
            name="data"
            label={t("search.data")}
            value={query.data}
            any={t("search.anyData")}
            options={DATA_KINDS.map((value) => ({ value, label: t(`dataKinds.${value}`) }))}
          />
          <Select
            name="price"
            label={t("search.price")}
            value={query.price}
            any={t("search.anyPrice")}
            options={PRICE_MODELS.map((value) => ({ value, label: t(`priceModels.${value}`) }))}
          />
          <label className="flex items-center gap-2 sm:col-span-2">
            <input type="checkbox" name="medical" value="1" defaultChecked={query.medical} className="h-4 w-4" />
            {t("search.medical")}
          </label>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            {t("search.submit")}
          </button>
          {filtered && (
            <Link href="/catalogue" className="text-brand underline">
              {t("search.reset")}
            </Link>
          )}
        </div>
      </form>

      <section aria-labelledby="results-title" className="space-y-4">
        <h2 id="results-title" className="text-2xl font-bold">
          {t("resultsTitle")}
        </h2>
        <p role="status" data-testid="catalogue-count">
          {t("results", { count: apps.length })}
        </p>
        {apps.length > 0 && (
          <ul className="grid gap-4 md:grid-cols-2">
            {apps.map((app) => (
              <AppCard key={app.id} app={app} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
