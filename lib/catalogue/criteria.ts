/**
 * The referencing criteria, grouped in the three families of the national referential
 * (interoperability, security, ethics). Keys are stored in CatalogCriterionReview.criterion; labels
 * and explanations are translated under `catalogue.criteria.<key>` and `catalogue.families.<family>`.
 */
export const CRITERIA_FAMILIES = {
  interoperability: ["INS", "PRO_SANTE_CONNECT", "MSSANTE", "FHIR"],
  security: ["HDS_HOSTING", "TWO_FACTOR"],
  ethics: ["TRANSPARENCY", "HUMAN_SUPPORT", "ACCESSIBILITY", "ECO_DESIGN"],
} as const;

export type CriterionFamily = keyof typeof CRITERIA_FAMILIES;
export type CriterionKey = (typeof CRITERIA_FAMILIES)[CriterionFamily][number];

export const CRITERION_FAMILIES = Object.keys(CRITERIA_FAMILIES) as CriterionFamily[];

export const ALL_CRITERIA: readonly CriterionKey[] = CRITERION_FAMILIES.flatMap((family) => CRITERIA_FAMILIES[family]);

export const CRITERION_OUTCOMES = ["MET", "NOT_MET", "NOT_APPLICABLE"] as const;
export type CriterionOutcome = (typeof CRITERION_OUTCOMES)[number];

export function isCriterion(value: unknown): value is CriterionKey {
  return typeof value === "string" && (ALL_CRITERIA as readonly string[]).includes(value);
}

export function familyOf(criterion: CriterionKey): CriterionFamily {
  return CRITERION_FAMILIES.find((family) => (CRITERIA_FAMILIES[family] as readonly string[]).includes(criterion))!;
}

/**
 * Why an app may not be listed with these reviews, or null when it may: every criterion must have been
 * reviewed, and a security criterion may not be NOT_MET (health data is never entrusted to an app
 * without certified hosting and a second factor).
 */
export function listingBlocker(
  reviews: readonly { criterion: string; outcome: CriterionOutcome }[],
): { reason: "INCOMPLETE"; missing: CriterionKey[] } | { reason: "SECURITY_NOT_MET"; failed: CriterionKey[] } | null {
  const byKey = new Map(reviews.map((review) => [review.criterion, review.outcome]));
  const missing = ALL_CRITERIA.filter((criterion) => !byKey.has(criterion));
  if (missing.length) return { reason: "INCOMPLETE", missing };
  const failed = CRITERIA_FAMILIES.security.filter((criterion) => byKey.get(criterion) === "NOT_MET");
  if (failed.length) return { reason: "SECURITY_NOT_MET", failed: [...failed] };
  return null;
}
