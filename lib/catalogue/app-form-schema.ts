import { z } from "zod";
import { SMART_SCOPES, TECHNICAL_SCOPES } from "@/lib/oauth/smart-scopes";
import { documentCategories } from "@/lib/vault/document-categories";
import { scopeMessageKey } from "./data-kinds";
import { REGIONS } from "./regions";
import { PRICE_MODELS, THEMES } from "./themes";

/**
 * What a publisher (or a curator) sends to propose an app. Messages are i18n keys under
 * `catalogue.form.errors`, shown next to their field. Free text stays text: React escapes it and no
 * field is ever rendered as HTML.
 */
const E = "catalogue.form.errors";
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
// An empty field says "required" (the first issue is the one shown), a short one "too short".
const text = (max: number, min = 1) =>
  z.string(`${E}.required`).trim().min(1, `${E}.required`).min(min, `${E}.tooShort`).max(max, `${E}.tooLong`);
const httpsUrl = z.url({ protocol: /^https$/, error: `${E}.url` }).max(500, `${E}.tooLong`);
const optionalUrl = z.preprocess(blankToUndefined, httpsUrl.optional());
const flag = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

const purposeSchema = z.object({
  fr: z.string().trim().default(""),
  en: z.preprocess(blankToUndefined, z.string().trim().optional()),
  optional: flag,
});

/** The form field a scope's purpose error is shown at (one message per scope, in French first). */
export const purposeField = (scope: string) => `purpose_${scopeMessageKey(scope)}`;

export const appFormSchema = z
  .object({
    name: text(120, 2),
    publisher: text(120, 2),
    contactEmail: z.email(`${E}.email`).max(254, `${E}.tooLong`),
    websiteUrl: httpsUrl,
    androidUrl: optionalUrl,
    iosUrl: optionalUrl,
    termsUrl: optionalUrl,
    theme: z.enum(THEMES, `${E}.theme`),
    priceModel: z.enum(PRICE_MODELS, `${E}.priceModel`),
    medicalDevice: flag,
    connectedDevice: flag,
    summaryFr: text(300, 20),
    summaryEn: z.preprocess(blankToUndefined, text(300).optional()),
    descriptionFr: text(4000, 50),
    descriptionEn: z.preprocess(blankToUndefined, text(4000).optional()),
    regions: z.array(z.enum(REGIONS)).max(REGIONS.length).default([]),
    scopes: z
      .array(z.enum(SMART_SCOPES, `${E}.scope`))
      .min(1, `${E}.scopesRequired`)
      .max(SMART_SCOPES.length),
    /** One purpose per data scope asked for, keyed by scope. */
    purposes: z.record(z.string(), purposeSchema).default({}),
    categories: z.array(z.enum(documentCategories)).max(documentCategories.length).default([]),
  })
  .superRefine((value, context) => {
    for (const scope of value.scopes) {
      if (TECHNICAL_SCOPES.includes(scope)) continue;
      const purpose = value.purposes[scope];
      const problem =
        !purpose || purpose.fr.length < 10
          ? "purposeRequired"
          : purpose.fr.length > 300 || (purpose.en?.length ?? 0) > 300
            ? "tooLong"
            : null;
      if (problem) context.addIssue({ code: "custom", path: [purposeField(scope)], message: `${E}.${problem}` });
    }
    const readsDocuments = value.scopes.includes("patient/DocumentReference.rs");
    if (readsDocuments && value.categories.length === 0)
      context.addIssue({ code: "custom", path: ["categories"], message: `${E}.categoriesRequired` });
    if (!readsDocuments && value.categories.length > 0)
      context.addIssue({ code: "custom", path: ["categories"], message: `${E}.categoriesWithoutDocuments` });
  });

export type AppFormInput = z.input<typeof appFormSchema>;
export type AppFormValues = z.output<typeof appFormSchema>;
