import { getFormatter, getTranslations } from "next-intl/server";
import { badgeClass } from "@/components/ui/field-classes";
import { CRITERIA_FAMILIES, CRITERION_FAMILIES } from "@/lib/catalogue/criteria";
import { readCatalogueText } from "@/lib/catalogue/system-texts";
import type { CatalogAppStatus, CatalogCriterionOutcome } from "@/lib/generated/prisma/enums";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { StatusBadge } from "./status-badge";

const OUTCOME_STYLES: Record<CatalogCriterionOutcome | "PENDING", string> = {
  MET: "bg-green-100 text-green-900",
  NOT_MET: "border border-red-800 bg-red-50 text-red-900",
  NOT_APPLICABLE: "bg-gray-100 text-ink",
  PENDING: "bg-brand-light text-ink",
};

type Review = { criterion: string; outcome: CatalogCriterionOutcome; note: string | null; reviewedAt: Date };
type Decision = { id: string; status: CatalogAppStatus; reason: string; actorLabel: string; createdAt: Date };

/**
 * The public referencing file ("dossier de référencement"): each family of criteria with each
 * criterion's outcome, the curators' note and the review date, then every decision with its reason.
 * Tables with captions and column headers, so a screen reader can move cell by cell.
 */
export async function ReferencingFile({
  reviews,
  decisions,
  idPrefix = "file",
}: {
  reviews: Review[];
  decisions: Decision[];
  idPrefix?: string;
}) {
  const [t, tSystem, format] = await Promise.all([
    getTranslations("catalogue.file"),
    getTranslations("catalogue.file.system"),
    getFormatter(),
  ]);
  const byKey = new Map(reviews.map((review) => [review.criterion, review]));
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: PARIS_TIME_ZONE });
  const cell = "border-b border-gray-300 px-3 py-2 align-top text-left";
  return (
    <div className="space-y-8">
      {CRITERION_FAMILIES.map((family) => (
        <div key={family} className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid={`criteria-${family}`}>
            <caption className="mb-2 text-left text-lg font-semibold">{t(`families.${family}`)}</caption>
            <thead>
              <tr>
                <th scope="col" className={cell}>
                  {t("criterion")}
                </th>
                <th scope="col" className={cell}>
                  {t("outcome")}
                </th>
                <th scope="col" className={cell}>
                  {t("note")}
                </th>
                <th scope="col" className={cell}>
                  {t("reviewedAt")}
                </th>
              </tr>
            </thead>
            <tbody>
              {CRITERIA_FAMILIES[family].map((criterion) => {
                const review = byKey.get(criterion);
                const outcome = review?.outcome ?? "PENDING";
                return (
                  <tr key={criterion}>
                    <th scope="row" className={`${cell} font-medium`} id={`${idPrefix}-${criterion}`}>
                      {t(`criteria.${criterion}.label`)}
                      <span className="block text-xs font-normal text-muted">{t(`criteria.${criterion}.hint`)}</span>
                    </th>
                    <td className={cell}>
                      <span className={`${badgeClass} ${OUTCOME_STYLES[outcome]}`}>{t(`outcomes.${outcome}`)}</span>
                    </td>
                    <td className={cell}>{review?.note ?? "—"}</td>
                    <td className={cell}>
                      {review ? <time dateTime={review.reviewedAt.toISOString()}>{day(review.reviewedAt)}</time> : "—"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}

      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" data-testid="decisions">
          <caption className="mb-2 text-left text-lg font-semibold">{t("decisionsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col" className={cell}>
                {t("date")}
              </th>
              <th scope="col" className={cell}>
                {t("status")}
              </th>
              <th scope="col" className={cell}>
                {t("reason")}
              </th>
              <th scope="col" className={cell}>
                {t("by")}
              </th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((decision) => (
              <tr key={decision.id}>
                <td className={cell}>
                  <time dateTime={decision.createdAt.toISOString()}>{day(decision.createdAt)}</time>
                </td>
                <td className={cell}>
                  <StatusBadge status={decision.status} />
                </td>
                <td className={cell}>{readCatalogueText(tSystem, decision.reason)}</td>
                <td className={cell}>{readCatalogueText(tSystem, decision.actorLabel)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
