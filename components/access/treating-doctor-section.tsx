import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { setTreatingDoctorAction } from "@/app/(space)/acces/actions";
import { Section } from "@/components/ui/section";
import { professionalName, type ProfessionalSummary } from "@/lib/server/consent/consent-context";
import { ActionForm } from "@/components/ui/action-form";
import { ProfessionalLine } from "./professional-line";

/** The patient's médecin traitant, with the ways to change or remove them, or to choose one. */
export async function TreatingDoctorSection({ treatingDoctor }: { treatingDoctor: ProfessionalSummary | null }) {
  const t = await getTranslations("access");
  return (
    <Section id="treating-title" title={t("treating.title")} focusable>
      <p className="text-muted">{t("treating.explain")}</p>
      {treatingDoctor ? (
        <div
          className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-gray-300 p-4"
          data-testid="treating-doctor"
        >
          <ProfessionalLine professional={treatingDoctor} />
          <div className="flex flex-wrap gap-2">
            <Link href="/acces/professionnels?profession=medecin" className="rounded px-3 py-2 text-brand underline hover:bg-brand-light">
              {t("treating.change")}
            </Link>
            <ActionForm
              action={setTreatingDoctorAction}
              fields={{ professionalId: "" }}
              label={t("treating.removeShort")}
              srLabel={professionalName(treatingDoctor)}
              success={t("treating.removed")}
              focusAfter="treating-title"
            />
          </div>
        </div>
      ) : (
        <div className="space-y-2">
          <p>{t("treating.none")}</p>
          <Link href="/acces/professionnels?profession=medecin" className="text-brand underline">
            {t("treating.choose")}
          </Link>
        </div>
      )}
    </Section>
  );
}
