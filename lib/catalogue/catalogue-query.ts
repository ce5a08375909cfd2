import { z } from "zod";
import { DATA_KINDS } from "./data-kinds";
import { REGIONS } from "./regions";
import { PRICE_MODELS, THEMES } from "./themes";

/** An absent or empty filter means "any"; an unknown value too (a hand-edited address is not an error). */
const anyOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) => (typeof value === "string" && (values as readonly string[]).includes(value) ? value : undefined),
    z.enum(values).optional(),
  );

/** The catalogue's filters as they travel in the address (a GET form: works without JavaScript). */
export const catalogueQuerySchema = z.object({
  q: z.preprocess((value) => (typeof value === "string" ? value.trim().slice(0, 100) : ""), z.string()),
  theme: anyOf(THEMES),
  region: anyOf(REGIONS),
  data: anyOf(DATA_KINDS as unknown as readonly [string, ...string[]]).transform(
    (value) => value as (typeof DATA_KINDS)[number] | undefined,
  ),
  price: anyOf(PRICE_MODELS),
  // "1" from the address; `true` when an already parsed query is parsed again (the page, then the search).
  medical: z.preprocess((value) => value === "1" || value === true, z.boolean()),
});
export type CatalogueQuery = z.output<typeof catalogueQuerySchema>;

/** Reads the page's searchParams (a repeated parameter counts by its first value). */
export function parseCatalogueQuery(raw: Record<string, string | string[] | undefined>): CatalogueQuery {
  const one = (key: string) => (Array.isArray(raw[key]) ? raw[key][0] : raw[key]);
  return catalogueQuerySchema.parse({
    q: one("q"),
    theme: one("theme"),
    region: one("region"),
    data: one("data"),
    price: one("price"),
    medical: one("medical"),
  });
}
