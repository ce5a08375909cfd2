import "server-only";

/**
 * Text as the suggestion rules read it: compatibility forms unfolded (ligatures, full-width digits),
 * accents removed, lower case, typographic apostrophes and non-breaking spaces made plain, so that
 * "ÉCHOGRAPHIE", "échographie" and "echographie" are one word. It keeps the length of ordinary text.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC\u2032`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[^\S\n]/g, " ");
}
