import type { CatalogAppStatus } from "@/lib/generated/prisma/enums";

/** The statuses whose page the public may see (a delisted app's page still says why it left). */
export const PUBLIC_STATUSES = ["LISTED", "SUSPENDED", "DELISTED"] as const satisfies readonly CatalogAppStatus[];
/** The statuses shown in the catalogue's list. */
export const BROWSABLE_STATUSES = ["LISTED", "SUSPENDED"] as const satisfies readonly CatalogAppStatus[];

/** The curators' decisions and the status each one leads to. */
export const CURATION_DECISIONS = { list: "LISTED", refuse: "REFUSED", suspend: "SUSPENDED", delist: "DELISTED" } as const satisfies Record<
  string,
  CatalogAppStatus
>;
export type CurationDecision = keyof typeof CURATION_DECISIONS;

/** From which statuses each decision may be taken. A refused or delisted app stays so. */
export const ALLOWED_FROM: Record<CurationDecision, readonly CatalogAppStatus[]> = {
  list: ["SUBMITTED", "SUSPENDED"],
  refuse: ["SUBMITTED"],
  suspend: ["LISTED"],
  delist: ["LISTED", "SUSPENDED"],
};

export function decisionsFrom(status: CatalogAppStatus): CurationDecision[] {
  return (Object.keys(ALLOWED_FROM) as CurationDecision[]).filter((decision) => ALLOWED_FROM[decision].includes(status));
}

/** Decisions that end connected patients' access and must tell them. */
export function endsAccess(decision: CurationDecision): boolean {
  return decision === "suspend" || decision === "delist";
}
