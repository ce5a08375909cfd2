import type { Messages } from "next-intl";
import type { GrantScopeValue } from "@/lib/consent/access-schemas";
import type { DocumentCategory } from "@/lib/generated/prisma/enums";

/** next-intl's translator for "access.scope" (getTranslations or useTranslations). */
type Translate = (key: keyof Messages["access"]["scope"], values?: Record<string, string | number>) => string;

/** A grant's scope and mode in words ("Catégories : Biologie · lecture seule"), for lists and pages. */
export function describeGrant(
  grant: { scope: GrantScopeValue; categories: DocumentCategory[]; documentIds: string[]; canAdd: boolean },
  t: Translate,
  category: (value: DocumentCategory) => string,
) {
  const scope =
    grant.scope === "ALL_VISIBLE"
      ? t("ALL_VISIBLE")
      : grant.scope === "CATEGORIES"
        ? t("CATEGORIES", { categories: grant.categories.map(category).join(", ") })
        : t("DOCUMENTS", { count: grant.documentIds.length });
  return { scope, mode: grant.canAdd ? t("readAdd") : t("read") };
}
