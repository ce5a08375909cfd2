import type { HistoryEntryView } from "./history-api";

/** `history` messages (and whether one exists), a document category's name, and an instant's day in words. */
export type EntryText = {
  t: (key: string, values?: Record<string, string | number>) => string;
  has: (key: string) => boolean;
  category: (category: string) => string;
  /** A profession as the directory stores it (French, from the RPPS), in the reader's language. */
  profession: (label: string) => string;
  day: (iso: string) => string;
};

/**
 * What an entry was about, the same on the page and in the CSV: the document as titled then, the
 * fields an edit changed, the access a consent decision gave or ended, or a setting's new value.
 * Null when nothing more is recorded: the action says it ("Profil consulté"), the subject says whom.
 */
export function describeEntryWhat(entry: HistoryEntryView, text: EntryText): string | null {
  const { t, category, day } = text;
  if (entry.document) return entry.document.title;
  if (entry.fields?.length) return describeChangedFields(entry, text);
  if (entry.access) {
    const { scope, categories, documentCount, canAdd, validUntil } = entry.access;
    const what =
      scope === "CATEGORIES"
        ? t("entry.scope.CATEGORIES", { categories: categories.map(category).join(", ") })
        : scope === "DOCUMENTS"
          ? t("entry.scope.DOCUMENTS", { count: documentCount })
          : t("entry.scope.ALL_VISIBLE");
    const until = validUntil ? t("entry.scope.until", { date: day(validUntil) }) : t("entry.scope.noEnd");
    return [what, canAdd ? t("entry.scope.readAdd") : t("entry.scope.read"), until].join(" · ");
  }
  if (entry.setting) return t(`entry.settings.${entry.setting.name}.${entry.setting.enabled ? "on" : "off"}`);
  return null;
}

/** Whom a decision concerned: the professional (name, profession, RPPS) or the connected app. */
export function describeEntrySubject(entry: HistoryEntryView, { t, profession }: Pick<EntryText, "t" | "profession">): string | null {
  const { subject } = entry;
  if (!subject) return null;
  if (subject.kind === "app") return t("entry.appSubject", { name: subject.name });
  return [
    subject.name,
    subject.profession ? profession(subject.profession) : null,
    subject.rpps ? t("entry.identifier", { rpps: subject.rpps }) : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** "Champs modifiés : titre, date"; an unknown field name (a later field) is shown as recorded. */
export function describeChangedFields(entry: HistoryEntryView, { t, has }: Pick<EntryText, "t" | "has">): string | null {
  if (!entry.fields?.length) return null;
  return t("entry.changedFields", {
    fields: entry.fields.map((field) => (has(`fields.${field}`) ? t(`fields.${field}`) : field)).join(", "),
  });
}
