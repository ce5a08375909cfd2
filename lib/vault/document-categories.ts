import type { DocumentCategory } from "@/lib/generated/prisma/enums";

/**
 * The categories of the Prisma enum `DocumentCategory`, in the order the patient sees them (Mon espace
 * santé's typology). Labels are translated under `space.categories.<value>`.
 */
export const documentCategories = [
  "PRESCRIPTION",
  "LAB_RESULTS",
  "IMAGING",
  "REPORT",
  "VACCINATION",
  "PREVENTION",
  "CERTIFICATE",
  "MEDICAL_SUMMARY",
  "ADVANCE_DIRECTIVES",
  "ADMINISTRATIVE",
  "QUESTIONNAIRE",
  "OTHER",
] as const satisfies readonly DocumentCategory[];

// Fails to compile when the enum gains a value this list lacks.
type MissingCategory = Exclude<DocumentCategory, (typeof documentCategories)[number]>;
const _everyCategoryListed: [MissingCategory] extends [never] ? true : never = true;

export function isDocumentCategory(value: unknown): value is DocumentCategory {
  return typeof value === "string" && (documentCategories as readonly string[]).includes(value);
}
