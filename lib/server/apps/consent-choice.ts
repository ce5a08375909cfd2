import "server-only";
import { z } from "zod";
import { DocumentCategory } from "@/lib/generated/prisma/client";
import { SMART_SCOPES, TECHNICAL_SCOPES, type SmartScope } from "@/lib/oauth/smart-scopes";
import { AppError } from "@/lib/server/errors";
import { readScopePurposes } from "@/lib/server/catalogue/scope-purposes";

export const DOCUMENT_SCOPE = "patient/DocumentReference.rs";

/** What a consent form sends: the optional scopes left ticked and the document categories chosen. */
export const consentFormSchema = z.object({
  scopes: z
    .array(z.string().max(100))
    .max(SMART_SCOPES.length * 2)
    .default([]),
  categories: z.array(z.enum(DocumentCategory)).max(Object.keys(DocumentCategory).length).default([]),
});
export type ConsentForm = z.infer<typeof consentFormSchema>;

/** Repeated checkboxes of a form body, as the consent schema expects them. */
export function consentFormOf(form: FormData): ConsentForm {
  const parsed = consentFormSchema.safeParse({ scopes: form.getAll("scopes"), categories: form.getAll("categories") });
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Invalid consent form.");
  return parsed.data;
}

export type ConsentApp = { scopePurposes: unknown; documentCategories: DocumentCategory[] };

export type ConsentChoice = {
  scopes: SmartScope[];
  /** The categories chosen, or null when the document scope is not part of this answer (keep what was). */
  categories: DocumentCategory[] | null;
  /** What this answer offered and the patient left out: not asked again until the app asks for more (reconsent.ts). */
  declined: { scopes: SmartScope[]; categories: DocumentCategory[] };
};

/**
 * What the patient approved out of what was asked: technical and required scopes as asked, optional
 * ones only if left ticked; the document categories only among those the app stated, at least one
 * when the document scope is kept (else it would grant nothing while looking granted).
 */
export function resolveConsentChoice({
  requested,
  app,
  form,
}: {
  requested: readonly string[];
  app: ConsentApp;
  form: ConsentForm;
}): ConsentChoice {
  const purposes = readScopePurposes(app.scopePurposes);
  const scopes = SMART_SCOPES.filter(
    (scope) => requested.includes(scope) && (TECHNICAL_SCOPES.includes(scope) || !purposes[scope]?.optional || form.scopes.includes(scope)),
  );
  const declinedScopes = SMART_SCOPES.filter((scope) => requested.includes(scope) && !scopes.includes(scope));
  if (!scopes.includes(DOCUMENT_SCOPE)) return { scopes, categories: null, declined: { scopes: declinedScopes, categories: [] } };
  const categories = app.documentCategories.filter((category) => form.categories.includes(category));
  if (app.documentCategories.length > 0 && categories.length === 0) {
    throw new AppError("BAD_REQUEST", "No document category chosen.", {
      messageKey: "apps.consent.categoriesRequired",
      field: "categories",
    });
  }
  return {
    scopes,
    categories,
    declined: { scopes: declinedScopes, categories: app.documentCategories.filter((category) => !categories.includes(category)) },
  };
}
