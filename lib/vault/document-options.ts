/**
 * The vault's closed lists, as the filters, the sort and the report form offer them and the API's
 * schemas (document-api.ts) check them. Plain values, no zod: client components import them freely.
 */
export const authorKinds = ["PATIENT", "PROFESSIONAL", "ESTABLISHMENT", "INSURER"] as const;
export const documentSorts = ["date_desc", "date_asc", "added_desc"] as const;
export type DocumentSort = (typeof documentSorts)[number];

export const documentReportReasons = ["NOT_MINE", "WRONG_CONTENT", "CANNOT_OPEN", "DUPLICATE", "OTHER"] as const;
