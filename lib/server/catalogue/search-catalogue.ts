import "server-only";
import { BROWSABLE_STATUSES } from "@/lib/catalogue/app-status";
import { catalogueQuerySchema, type CatalogueQuery } from "@/lib/catalogue/catalogue-query";
import { DATA_KIND_SCOPES } from "@/lib/catalogue/data-kinds";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import { foldForSearch } from "@/lib/server/consent/search-directory";
import { catalogueCardSelect, type CatalogueCard } from "./app-select";

/**
 * The public catalogue: listed and suspended apps (a suspension is shown, not hidden), never submitted,
 * refused or delisted ones. Filters go to SQL; the text search (name, publisher, summaries) folds case
 * and accents in JS over what the filters left, which is fine for a catalogue of a few hundred apps
 * (a national one would want a stored folded column with a trigram index, as the directory notes say).
 */
export async function searchCatalogue({ db }: Ctx, input: Partial<CatalogueQuery> = {}): Promise<CatalogueCard[]> {
  const query = catalogueQuerySchema.parse(input);
  const where: Prisma.CatalogAppWhereInput = {
    status: { in: [...BROWSABLE_STATUSES] },
    ...(query.theme && { theme: query.theme }),
    ...(query.price && { priceModel: query.price }),
    ...(query.medical && { medicalDevice: true }),
    // An app without regions is offered everywhere.
    ...(query.region && { OR: [{ regions: { has: query.region } }, { regions: { isEmpty: true } }] }),
    ...(query.data && { requestedScopes: { hasSome: [...DATA_KIND_SCOPES[query.data]] } }),
  };
  const rows = await db.catalogApp.findMany({ where, select: catalogueCardSelect, orderBy: [{ name: "asc" }, { id: "asc" }], take: 1000 });
  const words = foldForSearch(query.q).split(" ").filter(Boolean);
  const matches =
    words.length === 0
      ? rows
      : rows.filter((row) => {
          const haystack = foldForSearch(`${row.name} ${row.publisher} ${row.summaryFr} ${row.summaryEn}`);
          return words.every((word) => haystack.includes(word));
        });
  // Listed apps first; names in French order (the database's C collation would put "É" after "Z").
  const collator = new Intl.Collator("fr", { sensitivity: "base" });
  return matches.sort((a, b) => Number(a.status !== "LISTED") - Number(b.status !== "LISTED") || collator.compare(a.name, b.name));
}
