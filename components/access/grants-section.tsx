import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { endEmergencyAccessAction, revokeAccessAction } from "@/app/(space)/acces/actions";
import { Section } from "@/components/ui/section";
import { professionalName } from "@/lib/server/consent/consent-context";
import type { EmergencyAccessView, GrantView } from "@/lib/server/consent/get-access-overview";
import { ActionForm } from "@/components/ui/action-form";
import { describeGrant } from "./describe-grant";
import { ProfessionalLine } from "./professional-line";

/** Who has access: emergency accesses in force, grants in force with edit and revoke, then ended grants. */
export async function GrantsSection({ grants, emergencyAccesses }: { grants: GrantView[]; emergencyAccesses: EmergencyAccessView[] }) {
  const [t, tScope, tCategories, format] = await Promise.all([
    getTranslations("access"),
    getTranslations("access.scope"),
    getTranslations("space.categories"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  const dayTime = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  const active = grants.filter((grant) => grant.state === "active");
  const ended = grants.filter((grant) => grant.state !== "active");
  const describe = (grant: GrantView) => describeGrant(grant, tScope, (category) => tCategories(category));

  return (
    <Section id="grants-title" title={t("grants.title")} focusable>
      {/* An emergency access opens documents without consent: it is shown first, and can be ended here. */}
      {emergencyAccesses.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t("emergency.inForceTitle")}</h3>
          <ul className="divide-y divide-gray-300 rounded-lg border-2 border-red-700">
            {emergencyAccesses.map((access) => (
              <li key={access.id} className="flex flex-wrap items-start justify-between gap-3 p-4" data-testid="emergency-access">
                <div className="space-y-1">
                  <ProfessionalLine professional={access.professional} />
                  <p>{t("emergency.reason", { reason: access.reason })}</p>
                  <p className="text-sm text-muted">
                    {t("emergency.period", { since: dayTime(access.openedAt), until: dayTime(access.until) })}
                  </p>
                </div>
                <ActionForm
                  action={endEmergencyAccessAction}
                  fields={{ professionalId: access.professional.id }}
                  label={t("emergency.end")}
                  srLabel={professionalName(access.professional)}
                  success={t("emergency.ended")}
                  focusAfter="grants-title"
                />
              </li>
            ))}
          </ul>
        </div>
      )}
      {active.length === 0 ? (
        emergencyAccesses.length === 0 && <p className="text-muted">{t("grants.none")}</p>
      ) : (
        <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
          {active.map((grant) => {
            const { scope, mode } = describe(grant);
            return (
              <li key={grant.id} className="flex flex-wrap items-start justify-between gap-3 p-4" data-testid="grant">
                <div className="space-y-1">
                  <ProfessionalLine professional={grant.professional} />
                  <p>
                    {scope} · {mode}
                  </p>
                  <p className="text-sm text-muted">
                    {t("grants.since", { date: day(grant.validFrom) })} ·{" "}
                    {grant.validUntil ? t("grants.until", { date: day(grant.validUntil) }) : t("grants.noEnd")}
                  </p>
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  <Link
                    href={`/acces/professionnels/${grant.professional.id}`}
                    className="rounded px-3 py-2 text-brand underline hover:bg-brand-light"
                  >
                    {t("grants.edit")}
                    <span className="sr-only"> ({professionalName(grant.professional)})</span>
                  </Link>
                  <ActionForm
                    action={revokeAccessAction}
                    fields={{ professionalId: grant.professional.id }}
                    label={t("grants.revoke")}
                    srLabel={professionalName(grant.professional)}
                    success={t("grants.revoked")}
                    focusAfter="grants-title"
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {ended.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t("grants.endedTitle")}</h3>
          <ul className="space-y-2">
            {ended.map((grant) => (
              <li key={grant.id} className="text-sm" data-testid="ended-grant">
                <Link href={`/acces/professionnels/${grant.professional.id}`} className="text-brand underline">
                  {professionalName(grant.professional)}
                </Link>{" "}
                — {t(`grants.states.${grant.state}`)},{" "}
                {t("grants.ended", { date: day(grant.revokedAt ?? grant.validUntil ?? grant.validFrom) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}
