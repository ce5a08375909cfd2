"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { ProfessionalPatientView } from "@/lib/queries/pro/use-professional-patient";

/** What this professional may do for the patient now, and on what basis: consent, médecin traitant, emergency. */
export function AccessSummary({ view }: { view: ProfessionalPatientView }) {
  const t = useTranslations("pro.patient");
  const tCategory = useTranslations("space.categories");
  const format = useFormatter();
  const { grant } = view;
  const lines: string[] = [];

  if (view.basis === "TREATING_DOCTOR") lines.push(t("basis.TREATING_DOCTOR"));
  if (grant) {
    // validUntil is the instant access ends; shown as the day it ends on, in France.
    const until = grant.validUntil
      ? t("grant.until", { date: format.dateTime(new Date(grant.validUntil), { dateStyle: "long", timeZone: "Europe/Paris" }) })
      : t("grant.noEnd");
    const categories = grant.categories.map((category) => tCategory(category)).join(", ");
    lines.push(t(`grant.${grant.scope}`, { categories, until }));
    if (view.basis !== "TREATING_DOCTOR") lines.push(view.canAdd ? t("grant.canAdd") : t("grant.readOnly"));
  }
  if (view.emergencyAccessUntil)
    lines.push(
      t("basis.EMERGENCY", { until: format.dateTime(new Date(view.emergencyAccessUntil), { dateStyle: "long", timeStyle: "short" }) }),
    );
  if (lines.length === 0) lines.push(t("basis.none"));

  return (
    <section aria-labelledby="access-title" className="space-y-2 rounded-lg border-l-4 border-brand bg-brand-light px-4 py-3">
      <h2 id="access-title" tabIndex={-1} className="text-xl font-semibold focus:outline-none">
        {t("accessTitle")}
      </h2>
      <ul className="space-y-1" data-testid="access-summary">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {view.canRead && <p className="text-sm">{t("hiddenNote")}</p>}
    </section>
  );
}
