import { getTranslations } from "next-intl/server";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { badgeClass } from "@/components/ui/field-classes";
import { scopeMessageKey } from "@/lib/catalogue/data-kinds";
import { TECHNICAL_SCOPES, isSmartScope } from "@/lib/oauth/smart-scopes";
import type { ScopePurpose } from "@/lib/server/catalogue/scope-purposes";
import { requestUncheckedTranslator } from "@/lib/server/request-translator";

/**
 * What the app would read or write in the patient's space and why, in words: each data scope with the
 * publisher's stated purpose and whether the patient may leave it out, the document categories it
 * would ask for, then the technical permissions.
 */
export async function DataUse({
  scopes,
  purposes,
  categories,
  headingLevel = 2,
}: {
  scopes: string[];
  purposes: Record<string, ScopePurpose>;
  categories: string[];
  headingLevel?: 2 | 3;
}) {
  const [t, tScopes, tCategories, locale] = await Promise.all([
    getTranslations("catalogue.dataUse"),
    // Keys made from the app's stored scopes and categories (their tests check every value has one).
    requestUncheckedTranslator("catalogue.dataUse.scopes"),
    requestUncheckedTranslator("space.categories"),
    getAppLocale(),
  ]);
  const known = scopes.filter(isSmartScope);
  const data = known.filter((scope) => !TECHNICAL_SCOPES.includes(scope));
  const technical = known.filter((scope) => TECHNICAL_SCOPES.includes(scope));
  const purposeOf = (scope: string) => {
    const purpose = purposes[scope];
    return purpose ? (locale === "en" ? (purpose.en ?? purpose.fr) : purpose.fr) : null;
  };
  const Heading = `h${headingLevel + 1}` as "h3" | "h4";
  return (
    <div className="space-y-4">
      {data.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-3">
          {data.map((scope) => (
            <li key={scope} className="rounded border border-gray-300 p-3" data-testid="data-use">
              <p className="font-semibold">
                {tScopes(scopeMessageKey(scope))}{" "}
                <span className={`${badgeClass} ${purposes[scope]?.optional ? "bg-gray-100 text-ink" : "bg-brand-light text-ink"}`}>
                  {purposes[scope]?.optional ? t("optional") : t("required")}
                </span>
              </p>
              {purposeOf(scope) && <p className="mt-1">{t("why", { purpose: purposeOf(scope)! })}</p>}
              {scope === "patient/DocumentReference.rs" && categories.length > 0 && (
                <p className="mt-1 text-sm">
                  {t("categories", { categories: categories.map((category) => tCategories(category)).join(", ") })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {technical.length > 0 && (
        <div>
          <Heading className="font-semibold">{t("technicalTitle")}</Heading>
          <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
            {technical.map((scope) => (
              <li key={scope}>
                {tScopes(scopeMessageKey(scope))}
                {purposeOf(scope) && <> — {purposeOf(scope)}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
