import { getFormatter, getTranslations } from "next-intl/server";
import { unblockProfessionalAction } from "@/app/(space)/acces/actions";
import { Section } from "@/components/ui/section";
import { professionalName } from "@/lib/server/consent/consent-context";
import type { AccessOverview } from "@/lib/server/consent/get-access-overview";
import { ActionForm } from "@/components/ui/action-form";
import { ProfessionalLine } from "./professional-line";

/** Professionals the patient blocked, each with the button that lifts the block. */
export async function BlocksSection({ blocks }: { blocks: AccessOverview["blocks"] }) {
  const [t, format] = await Promise.all([getTranslations("access"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  return (
    <Section id="blocks-title" title={t("blocks.title")} focusable>
      <p className="text-muted">{t("blocks.explain")}</p>
      {blocks.length === 0 ? (
        <p className="text-muted">{t("blocks.none")}</p>
      ) : (
        <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
          {blocks.map((block) => (
            <li key={block.professional.id} className="flex flex-wrap items-start justify-between gap-3 p-4" data-testid="block">
              <div className="space-y-1">
                <ProfessionalLine professional={block.professional} />
                <p className="text-sm text-muted">{t("blocks.since", { date: day(block.blockedAt) })}</p>
              </div>
              <ActionForm
                action={unblockProfessionalAction}
                fields={{ professionalId: block.professional.id }}
                label={t("blocks.unblock")}
                srLabel={professionalName(block.professional)}
                success={t("blocks.unblocked")}
                focusAfter="blocks-title"
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
