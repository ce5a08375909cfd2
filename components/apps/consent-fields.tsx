"use client";
import { useTranslations } from "next-intl";
import { DOCUMENT_SCOPE, SCOPE_KEYS, type ConsentView } from "./scope-keys";

/**
 * The body of a consent (or change) form: each data scope in words with the app's stated purpose
 * (optional ones as checkboxes, required ones as plain items), the document categories to choose,
 * and the technical scopes explained. Hints and errors are tied to their controls.
 */
export function ConsentFields({
  view,
  idPrefix,
  errors = {},
}: {
  view: ConsentView;
  idPrefix: string;
  errors?: { categories?: string; scopes?: string };
}) {
  const t = useTranslations("apps");
  const tCategories = useTranslations("space.categories");
  const app = view.app.name;
  const label = (scope: string) => t(`scopes.${SCOPE_KEYS[scope] ?? "patientRead"}`);
  const purpose = (item: ConsentView["scopes"][number]) =>
    item.purpose ? t("consent.purpose", { purpose: item.purpose }) : t("consent.noPurpose");

  return (
    <div className="space-y-6">
      {view.scopes.length > 0 && (
        <fieldset className="space-y-3" aria-describedby={errors.scopes ? `${idPrefix}-scopes-error` : undefined}>
          <legend className="text-xl font-semibold">{t("consent.dataTitle", { app })}</legend>
          <ul className="space-y-3">
            {view.scopes.map((item) => {
              const id = `${idPrefix}-scope-${SCOPE_KEYS[item.scope]}`;
              const granted = item.alreadyGranted ? ` (${t("consent.alreadyGranted")})` : "";
              return (
                <li key={item.scope} className="rounded border border-gray-300 p-3" data-testid="consent-scope">
                  {item.optional ? (
                    <div className="flex items-start gap-3">
                      <input
                        id={id}
                        type="checkbox"
                        name="scopes"
                        value={item.scope}
                        defaultChecked={item.checked}
                        aria-describedby={`${id}-purpose`}
                        className="mt-1 h-4 w-4"
                      />
                      <div>
                        <label htmlFor={id} className="font-medium">
                          {label(item.scope)}
                          {granted}
                        </label>
                        <p id={`${id}-purpose`} className="text-sm text-muted">
                          {purpose(item)} {t("consent.optionalHint")}
                        </p>
                      </div>
                    </div>
                  ) : (
                    <div>
                      <p className="font-medium">
                        {label(item.scope)}
                        {granted}
                      </p>
                      <p className="text-sm text-muted">
                        {purpose(item)} <span className="font-medium">{t("consent.required")}</span>
                      </p>
                    </div>
                  )}
                  {item.scope === DOCUMENT_SCOPE && view.categories && view.categories.length > 0 && (
                    <fieldset
                      className="mt-3 space-y-2 border-l-4 border-brand-light pl-4"
                      aria-describedby={[`${idPrefix}-categories-hint`, errors.categories ? `${idPrefix}-categories-error` : ""]
                        .filter(Boolean)
                        .join(" ")}
                    >
                      <legend className="font-semibold">{t("consent.categoriesLegend", { app })}</legend>
                      <p id={`${idPrefix}-categories-hint`} className="text-sm text-muted">
                        {t("consent.categoriesHint")}
                      </p>
                      <div className="grid gap-2 sm:grid-cols-2">
                        {view.categories.map((category) => (
                          <label key={category.value} className="flex items-center gap-2">
                            <input
                              type="checkbox"
                              name="categories"
                              value={category.value}
                              defaultChecked={category.checked}
                              aria-invalid={errors.categories ? true : undefined}
                              className="h-4 w-4"
                            />
                            {tCategories(category.value)}
                          </label>
                        ))}
                      </div>
                      {errors.categories && (
                        <p id={`${idPrefix}-categories-error`} className="text-sm font-medium text-red-800">
                          {errors.categories}
                        </p>
                      )}
                    </fieldset>
                  )}
                </li>
              );
            })}
          </ul>
          {errors.scopes && (
            <p id={`${idPrefix}-scopes-error`} className="text-sm font-medium text-red-800">
              {errors.scopes}
            </p>
          )}
        </fieldset>
      )}
      {view.technical.length > 0 && (
        <section aria-labelledby={`${idPrefix}-technical`} className="space-y-2">
          <h2 id={`${idPrefix}-technical`} className="text-xl font-semibold">
            {t("consent.technicalTitle")}
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {view.technical.map((scope) => (
              <li key={scope}>{label(scope)}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
