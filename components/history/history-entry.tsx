"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useUncheckedTranslations } from "@/lib/i18n/use-unchecked-translations";
import { badgeClass } from "@/components/ui/field-classes";
import { readCatalogueText } from "@/lib/catalogue/system-texts";
import { professionLabels } from "@/lib/directory/professions";
import { describeChangedFields, describeEntrySubject, describeEntryWhat, type EntryText } from "@/lib/history/describe-history-entry";
import type { HistoryEntryView } from "@/lib/history/history-api";
import { PARIS_TIME_ZONE } from "@/lib/history/paris-time";
import { ProfessionalEntryActions } from "./professional-entry-actions";

/**
 * One entry: who (name, role, RPPS), what, which action, when (Paris time), from where and why. An
 * emergency access stands out by its border and colour and, for those who do not see colours, by a
 * badge and its stated reason in words.
 */
export function HistoryEntry({
  entry,
  highlighted = false,
  withActions = false,
}: {
  entry: HistoryEntryView;
  highlighted?: boolean;
  withActions?: boolean;
}) {
  const t = useTranslations("history");
  // The describe helpers build keys from the entry (checked by their test); categories are stored values.
  const tEntry = useUncheckedTranslations("history");
  const tCategoryNames = useUncheckedTranslations("space.categories");
  const tReasons = useTranslations("documents.report.reasons");
  const tDirectory = useTranslations("directory");
  const tCatalogue = useTranslations("catalogue.file.system");
  const format = useFormatter();
  const role = entry.actor.role ? t(`roles.${entry.actor.role}` as "roles.PATIENT") : t("roles.none");
  const who = [
    readCatalogueText(tCatalogue, entry.actor.label),
    entry.actor.profession ? professionLabels(tDirectory, { profession: entry.actor.profession }).profession : role,
    entry.actor.rpps ? t("entry.identifier", { rpps: entry.actor.rpps }) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  // The catalogue is typed by key; these helpers build keys from the entry, checked by their test.
  const text: EntryText = {
    t: tEntry,
    has: (key) => tEntry.has(key),
    category: (category) => (tCategoryNames.has(category) ? tCategoryNames(category) : category),
    profession: (label) => professionLabels(tDirectory, { profession: label }).profession,
    day: (iso) => format.dateTime(new Date(iso), { dateStyle: "long", timeZone: PARIS_TIME_ZONE }),
  };
  const changedFields = describeChangedFields(entry, text);
  const what = describeEntryWhat(entry, text);
  const subject = describeEntrySubject(entry, text);
  const reason =
    entry.reason && entry.action === "DOCUMENT_REPORTED" && tReasons.has(entry.reason as "NOT_MINE")
      ? tReasons(entry.reason as "NOT_MINE")
      : entry.reason;
  const why = [
    entry.basis ? t(`bases.${entry.basis}`) : null,
    reason ? (entry.emergency ? t("entry.emergencyReason", { reason }) : t("entry.reason", { reason })) : null,
    entry.document ? changedFields : null,
  ].filter(Boolean);

  const frame = entry.emergency ? "border-l-8 border-red-700 bg-red-50" : highlighted ? "border-l-8 border-brand bg-brand-light" : "";
  return (
    <li
      id={`entree-${entry.id}`}
      className={`px-4 py-3 ${frame}`}
      data-testid="history-entry"
      data-emergency={entry.emergency || undefined}
    >
      <p className="font-semibold">
        {t(`actions.${entry.action}`)}
        {entry.emergency && " "}
        {entry.emergency && (
          <span className={`${badgeClass} ml-1 border border-red-800 bg-white text-red-800`}>{t("entry.emergencyBadge")}</span>
        )}
      </p>
      <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="font-medium">{t("entry.who")}</dt>
        <dd className="break-words">{who}</dd>
        {subject && (
          <>
            <dt className="font-medium">{t("entry.concerns")}</dt>
            <dd className="break-words">{subject}</dd>
          </>
        )}
        {what && (
          <>
            <dt className="font-medium">{t("entry.what")}</dt>
            <dd className="break-words">{what}</dd>
          </>
        )}
        <dt className="font-medium">{t("entry.when")}</dt>
        <dd>
          {/* Server and browser may spell a date differently (their ICU versions): the browser's wins. */}
          <time dateTime={entry.at} suppressHydrationWarning>
            {format.dateTime(new Date(entry.at), { dateStyle: "long", timeStyle: "medium", timeZone: PARIS_TIME_ZONE })}
          </time>
        </dd>
        <dt className="font-medium">{t("entry.from")}</dt>
        <dd>{entry.ipAddress ?? t("entry.unknownPlace")}</dd>
        <dt className="font-medium">{t("entry.why")}</dt>
        <dd className={`break-words ${entry.emergency ? "font-semibold text-red-900" : ""}`}>
          {why.length ? why.join(" — ") : t("entry.noReason")}
        </dd>
      </dl>
      {withActions && entry.actor.professionalId && (
        <ProfessionalEntryActions professionalId={entry.actor.professionalId} actorLabel={entry.actor.label} />
      )}
    </li>
  );
}
