import { z } from "zod";
import { staffReason } from "@/lib/schemas/staff-reason";
import { SMART_SCOPES, TECHNICAL_SCOPES } from "@/lib/oauth/smart-scopes";
import { documentCategories } from "@/lib/vault/document-categories";
import { purposeField } from "./app-form-schema";

/**
 * A curator's change to what a listed app asks for: its scopes, each data scope's purpose and whether
 * the patient may leave it out, its document categories, and the reason (public, on the app's
 * referencing file). The same rules as the publisher's form for these fields; messages are i18n keys.
 */
const E = "catalogue.form.errors";
const flag = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const dataUseSchema = z
  .object({
    appId: z.uuid(),
    scopes: z
      .array(z.enum(SMART_SCOPES, `${E}.scope`))
      .min(1, `${E}.scopesRequired`)
      .max(SMART_SCOPES.length),
    purposes: z
      .record(
        z.string(),
        z.object({
          fr: z.string().trim().default(""),
          en: z.preprocess(blankToUndefined, z.string().trim().optional()),
          optional: flag,
        }),
      )
      .default({}),
    categories: z.array(z.enum(documentCategories)).max(documentCategories.length).default([]),
    reason: staffReason,
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

export type DataUseInput = z.input<typeof dataUseSchema>;
