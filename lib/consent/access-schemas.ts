import { z } from "zod";
import { calendarDay } from "@/lib/schemas/boundary";
import { documentCategories } from "@/lib/vault/document-categories";

/**
 * Inputs of the patient's consent services ("Gestion des accès"), shared by the server actions and
 * the services that parse them again. Messages are i18n keys under `access.errors`, so a form shows
 * them at the field they are about.
 */

export const grantScopes = ["ALL_VISIBLE", "CATEGORIES", "DOCUMENTS"] as const;
export type GrantScopeValue = (typeof grantScopes)[number];

const isoDate = calendarDay({ message: "access.errors.dateInvalid" });

const grantFields = {
  scope: z.enum(grantScopes, "access.errors.scopeRequired"),
  categories: z.array(z.enum(documentCategories)).max(documentCategories.length).default([]),
  documentIds: z.array(z.uuid()).max(500).default([]),
  canAdd: z.boolean(),
  /** The last day of access (inclusive, in France's time zone); null: until revoked. */
  validUntil: isoDate.nullable().default(null),
};

type GrantFields = { scope: GrantScopeValue; categories: string[]; documentIds: string[] };

function checkScope(value: GrantFields, context: z.RefinementCtx) {
  if (value.scope === "CATEGORIES" && value.categories.length === 0)
    context.addIssue({ code: "custom", path: ["categories"], message: "access.errors.categoriesRequired" });
  if (value.scope === "DOCUMENTS" && value.documentIds.length === 0)
    context.addIssue({ code: "custom", path: ["documentIds"], message: "access.errors.documentsRequired" });
}

/** What a grant allows: the options of a new grant, of a change, or of an accepted request. */
export const grantOptionsSchema = z.object(grantFields).superRefine(checkScope);
export type GrantOptions = z.input<typeof grantOptionsSchema>;

export const grantAccessSchema = z.object({ professionalId: z.uuid(), ...grantFields }).superRefine(checkScope);
export type GrantAccessInput = z.input<typeof grantAccessSchema>;

export const professionalRefSchema = z.object({ professionalId: z.uuid() });

export const treatingDoctorSchema = z.object({ professionalId: z.uuid().nullable() });

export const decideAccessRequestSchema = z.discriminatedUnion("accept", [
  z.object({ requestId: z.uuid(), accept: z.literal(true), grant: grantOptionsSchema }),
  z.object({ requestId: z.uuid(), accept: z.literal(false) }),
]);
export type DecideAccessRequestInput = z.input<typeof decideAccessRequestSchema>;

export const directoryQuerySchema = z.object({
  name: z.string().trim().max(100).default(""),
  profession: z.string().trim().max(100).default(""),
  city: z.string().trim().max(100).default(""),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type DirectoryQuery = z.input<typeof directoryQuerySchema>;

/**
 * The grant form as the browser sends it (strings, repeated checkboxes gathered into arrays by the
 * form), turned into grant options: "read" or "readAdd", "none" or "until" a date.
 */
export const grantFormSchema = z
  .object({
    scope: z.enum(grantScopes, "access.errors.scopeRequired"),
    categories: z.array(z.enum(documentCategories)).default([]),
    documentIds: z.array(z.uuid()).max(500).default([]),
    access: z.enum(["read", "readAdd"], "access.errors.accessRequired"),
    duration: z.enum(["none", "until"], "access.errors.durationRequired"),
    validUntil: z.string().trim().default(""),
  })
  .superRefine((value, context) => {
    checkScope(value, context);
    if (value.duration === "until" && !isoDate.safeParse(value.validUntil).success)
      context.addIssue({ code: "custom", path: ["validUntil"], message: "access.errors.dateInvalid" });
  })
  .transform(({ scope, categories, documentIds, access, duration, validUntil }) => ({
    scope,
    categories: scope === "CATEGORIES" ? categories : [],
    documentIds: scope === "DOCUMENTS" ? documentIds : [],
    canAdd: access === "readAdd",
    validUntil: duration === "until" ? validUntil : null,
  }));
