/**
 * The regions of France by ISO 3166-2:FR code (metropolitan and overseas), as apps declare where they
 * are offered. An app with no region is national. Names under `catalogue.regions.<code>`.
 */
export const REGIONS = [
  "FR-ARA",
  "FR-BFC",
  "FR-BRE",
  "FR-CVL",
  "FR-20R",
  "FR-GES",
  "FR-HDF",
  "FR-IDF",
  "FR-NOR",
  "FR-NAQ",
  "FR-OCC",
  "FR-PDL",
  "FR-PAC",
  "FR-971",
  "FR-972",
  "FR-973",
  "FR-974",
  "FR-976",
] as const;
export type Region = (typeof REGIONS)[number];

export function isRegion(value: unknown): value is Region {
  return typeof value === "string" && (REGIONS as readonly string[]).includes(value);
}
