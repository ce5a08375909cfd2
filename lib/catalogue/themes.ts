import type { CatalogPriceModel, CatalogReportReason, CatalogTheme } from "@/lib/generated/prisma/enums";

/** The enum values forms and filters offer, in display order (labels under `catalogue.themes.*` etc.). */
export const THEMES = [
  "PREVENTION",
  "CHRONIC_CONDITIONS",
  "CONNECTED_DEVICES",
  "APPOINTMENTS",
  "PRE_ADMISSION",
  "MENTAL_HEALTH",
  "CHILDREN",
  "PHARMACY",
] as const satisfies readonly CatalogTheme[];
export const PRICE_MODELS = ["FREE", "FREEMIUM", "PAID"] as const satisfies readonly CatalogPriceModel[];
export const REPORT_REASONS = [
  "MISLEADING",
  "SECURITY",
  "PRIVACY",
  "NOT_WORKING",
  "OTHER",
] as const satisfies readonly CatalogReportReason[];

// Fail to compile when an enum gains a value these lists lack.
type Missing =
  | Exclude<CatalogTheme, (typeof THEMES)[number]>
  | Exclude<CatalogPriceModel, (typeof PRICE_MODELS)[number]>
  | Exclude<CatalogReportReason, (typeof REPORT_REASONS)[number]>;
const _everyValueListed: [Missing] extends [never] ? true : never = true;
