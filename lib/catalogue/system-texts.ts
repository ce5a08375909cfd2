/**
 * Texts the app itself writes into catalogue rows, in French: the curators' team as a decision's (or a
 * history entry's) author, and the reason of a proposal's first decision. Stored as text because the
 * rows outlive any wording and most of their neighbours are typed by people; shown through
 * `catalogue.file.system.<key>` when they are one of these, as typed otherwise.
 */
export const CATALOGUE_SYSTEM_TEXTS = {
  curationTeam: "Équipe de référencement",
  proposedByPublisher: "Proposé par l'éditeur via le formulaire de référencement.",
  enteredByCurators: "Saisi par l'équipe de référencement.",
} as const;

export type CatalogueSystemText = keyof typeof CATALOGUE_SYSTEM_TEXTS;

const byText = new Map<string, CatalogueSystemText>(
  Object.entries(CATALOGUE_SYSTEM_TEXTS).map(([key, text]) => [text, key as CatalogueSystemText] as const),
);

/** The key of a stored text the app wrote, or null for anything a person typed. */
export function catalogueSystemTextKey(stored: string): CatalogueSystemText | null {
  return byText.get(stored.normalize("NFC").trim()) ?? null;
}

/** A stored catalogue text in the reader's language when the app wrote it, as typed otherwise. */
export function readCatalogueText(t: (key: CatalogueSystemText) => string, stored: string): string {
  const key = catalogueSystemTextKey(stored);
  return key ? t(key) : stored;
}
