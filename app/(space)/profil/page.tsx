import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RecordEntryForm, type Choice } from "@/components/record/record-entry-form";
import { ActionForm } from "@/components/ui/action-form";
import { LiveRegion } from "@/components/ui/live-region";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { RECORD_KINDS, type RecordKind } from "@/lib/record/record-options";
import { CALENDAR_2025, VACCINE_CODES } from "@/lib/record/vaccination-calendar/calendar-2025";
import { vaccinationStatus } from "@/lib/record/vaccination-calendar/vaccination-status";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";
import { listRecordProfile, type RecordProfile } from "@/lib/server/record/list-record-profile";
import { addRecordEntryAction, deleteRecordEntryAction, editRecordEntryAction, setRecordEntryHiddenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("record"))("title") };
}

type Entry = RecordProfile[RecordKind][number];

const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : "");

/** An entry's fields as its edit form shows them (the form's names are the schema's). */
function initialOf(kind: RecordKind, entry: Entry): Record<string, string> {
  const values: Record<string, string> = { source: entry.source ?? "", note: entry.note ?? "" };
  for (const [key, value] of Object.entries(entry)) {
    if (value instanceof Date) values[key] = day(value);
    else if (typeof value === "string" || typeof value === "number") values[key] ??= String(value);
  }
  if (kind === "vaccination" && !(entry as RecordProfile["vaccination"][number]).vaccineCode) values.vaccineCode = "other";
  return values;
}

/**
 * The patient's "Profil médical": each kind with its entries (who wrote it, when, from where), the forms
 * to add, edit, delete and hide, and the vaccination calendar's view of what is due. Everything read
 * and every form's rights come from the services, which ask the one health decision.
 */
export default async function RecordPage() {
  const patient = await requirePatientForPage("/profil");
  const [t, tc, format] = await Promise.all([getTranslations("record"), getTranslations("vaccinationCalendar"), getFormatter()]);
  if (!patient) return <NotPatientNotice title={t("title")} />;
  const profile = await listRecordProfile(await signedInPageCtx(), { patientId: patient.patientId });
  const longDay = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "UTC" });
  const documentTitle = new Map(profile.directiveDocuments.map((document) => [document.id, document.title]));
  const choices: { vaccineCode: Choice[]; documentId: Choice[] } = {
    vaccineCode: Object.entries(VACCINE_CODES).map(([code, vaccine]) => ({ value: code, label: vaccine.display })),
    documentId: profile.directiveDocuments.map((document) => ({ value: document.id, label: document.title })),
  };
  const today = new Date();
  const calendar = profile.birthDate
    ? vaccinationStatus(
        CALENDAR_2025,
        {
          birthDate: profile.birthDate,
          immunizations: profile.vaccination.map((entry) => ({ vaccineCode: entry.vaccineCode ?? undefined, date: entry.date })),
        },
        today,
      ).filter((item) => item.status !== "notApplicable")
    : null;

  /** The entry's headline and its facts, as the patient reads them. */
  function describe(kind: RecordKind, entry: Entry): { title: string; facts: string[] } {
    const option = (name: string, value: string | null) => (value ? t(`options.${name}.${value}` as never) : null);
    const facts = (...values: (string | null | undefined | false)[]) => values.filter((value): value is string => !!value);
    switch (kind) {
      case "condition": {
        const e = entry as RecordProfile["condition"][number];
        return {
          title: e.label,
          facts: facts(option("category", e.category), option("status", e.status), e.relative, e.onsetDate && longDay(e.onsetDate)),
        };
      }
      case "allergy": {
        const e = entry as RecordProfile["allergy"][number];
        return {
          title: e.substance,
          facts: facts(option("type", e.type), e.reaction, option("severity", e.severity), option("criticality", e.criticality)),
        };
      }
      case "treatment": {
        const e = entry as RecordProfile["treatment"][number];
        const period = [e.startDate && longDay(e.startDate), e.endDate && longDay(e.endDate)].filter(Boolean).join(" → ");
        return { title: e.medication, facts: facts(e.dose, e.frequency, period, e.prescriber) };
      }
      case "vaccination": {
        const e = entry as RecordProfile["vaccination"][number];
        return {
          title: e.vaccineLabel,
          facts: facts(longDay(e.date), e.doseNumber ? `${t("fields.doseNumber")} ${e.doseNumber}` : null, e.lotNumber, e.performer),
        };
      }
      case "directive": {
        const e = entry as RecordProfile["directive"][number];
        return {
          title: option("kind", e.kind)!,
          facts: facts(
            e.documentId && t("document", { title: documentTitle.get(e.documentId) ?? t("noDocument") }),
            e.directiveDate && longDay(e.directiveDate),
            option("organDonation", e.organDonation),
          ),
        };
      }
      case "contact": {
        const e = entry as RecordProfile["contact"][number];
        return { title: e.name, facts: facts(option("role", e.role), e.relationship, e.phone, e.email) };
      }
    }
  }

  return (
    <ClientMessages namespaces={["record.fields", "record.form", "record.options", "access.blocks", "security.form", "security.reauth"]}>
      <LiveRegion>
        <div className="space-y-10">
          <div>
            <h1 id="profile-title" tabIndex={-1} className="text-3xl font-bold">
              {t("title")}
            </h1>
            <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
          </div>
          {RECORD_KINDS.map((kind) => {
            const entries = profile[kind] as Entry[];
            return (
              <section key={kind} aria-labelledby={`record-${kind}`} className="space-y-4" data-testid={`record-${kind}`}>
                <h2 id={`record-${kind}`} className="text-2xl font-semibold">
                  {t(`sections.${kind}`)}
                </h2>
                {entries.length === 0 ? (
                  <p className="text-muted">{t("empty")}</p>
                ) : (
                  <ul className="space-y-3">
                    {entries.map((entry) => {
                      const { title, facts } = describe(kind, entry);
                      return (
                        <li
                          key={entry.id}
                          className="space-y-2 rounded-lg border border-gray-300 bg-surface p-4"
                          data-testid="record-entry"
                        >
                          <p className="font-semibold">
                            {title}
                            {entry.hiddenFromProfessionals && (
                              <span className="ml-2 rounded bg-gray-100 px-2 py-0.5 text-sm font-normal text-gray-800">{t("hidden")}</span>
                            )}
                          </p>
                          {facts.length > 0 && <p>{facts.join(" · ")}</p>}
                          {entry.note && <p className="whitespace-pre-line">{entry.note}</p>}
                          <p className="text-sm text-muted">
                            {t("by", {
                              author: entry.authorLabel,
                              kind: t(`authorKinds.${entry.authorKind}`),
                              date: longDay(entry.recordedAt),
                            })}
                            {entry.source && <> · {t("source", { source: entry.source })}</>}
                          </p>
                          <div className="flex flex-wrap items-start gap-3">
                            {entry.canHide && (
                              <ActionForm
                                action={setRecordEntryHiddenAction}
                                fields={{ kind, entryId: entry.id, hidden: String(!entry.hiddenFromProfessionals) }}
                                label={entry.hiddenFromProfessionals ? t("form.unhide") : t("form.hide")}
                                srLabel={t("form.entry", { label: title })}
                                success={entry.hiddenFromProfessionals ? t("form.unhiddenDone") : t("form.hiddenDone")}
                              />
                            )}
                            {entry.canEdit && (
                              <ActionForm
                                action={deleteRecordEntryAction}
                                fields={{ kind, entryId: entry.id }}
                                label={t("form.delete")}
                                srLabel={t("form.entry", { label: title })}
                                success={t("form.deleted")}
                                focusAfter={`record-${kind}`}
                                confirm={{ warning: t("form.deleteWarning"), label: t("form.deleteConfirm") }}
                              />
                            )}
                          </div>
                          {entry.canEdit && (
                            <details>
                              <summary className="cursor-pointer text-brand underline">
                                {t("form.edit")}
                                <span className="sr-only"> ({t("form.entry", { label: title })})</span>
                              </summary>
                              <div className="mt-3">
                                <RecordEntryForm
                                  kind={kind}
                                  action={editRecordEntryAction}
                                  entryId={entry.id}
                                  initial={initialOf(kind, entry)}
                                  choices={choices}
                                />
                              </div>
                            </details>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
                {kind === "vaccination" && (
                  <div className="space-y-2" data-testid="vaccination-status">
                    <h3 className="text-xl font-semibold">{t("vaccinationStatus.title")}</h3>
                    <p className="text-muted">{t("vaccinationStatus.intro")}</p>
                    {calendar ? (
                      <table className="w-full max-w-3xl text-left">
                        <thead>
                          <tr>
                            <th scope="col" className="py-1 pr-4">
                              {t("vaccinationStatus.item")}
                            </th>
                            <th scope="col" className="py-1">
                              {t("vaccinationStatus.status")}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {calendar.map((item) => (
                            <tr key={item.id} className="border-t border-gray-200">
                              <td className="py-1 pr-4">
                                {tc.has(`items.${item.id}` as never) ? tc(`items.${item.id}` as never) : item.id}
                              </td>
                              <td className="py-1">{tc(`statuses.${item.status}`)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    ) : (
                      <p>{t("vaccinationStatus.noBirthDate")}</p>
                    )}
                    <p className="text-sm text-muted">{tc("source", { year: CALENDAR_2025.year })}</p>
                  </div>
                )}
                {profile.canAdd && (
                  <details>
                    <summary className="cursor-pointer font-medium text-brand underline">
                      {t("form.addTitle")}
                      <span className="sr-only"> ({t(`sections.${kind}`)})</span>
                    </summary>
                    <div className="mt-3">
                      <RecordEntryForm kind={kind} action={addRecordEntryAction} choices={choices} />
                    </div>
                  </details>
                )}
              </section>
            );
          })}
        </div>
      </LiveRegion>
    </ClientMessages>
  );
}
