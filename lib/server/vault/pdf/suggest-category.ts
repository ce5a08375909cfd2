import "server-only";
import type { DocumentCategory } from "@/lib/generated/prisma/enums";
import { foldText } from "./fold-text";

type Rule = [pattern: string, weight: number];

/**
 * French words that mark each category, folded (no accent, lower case), as regular expressions matched
 * on word boundaries. Weights: 3 or more for a word that names the document ("ordonnance"), 2 for a
 * strong sign, 1 for a word other documents also use.
 */
const RULES: Record<Exclude<DocumentCategory, "OTHER">, Rule[]> = {
  PRESCRIPTION: [
    ["ordonnance", 3],
    ["posologie", 3],
    ["a renouveler", 2],
    ["renouvel\\w*", 1],
    ["qsp", 2],
    ["comprimes?", 1],
    ["gelules?", 1],
    ["sachets?", 1],
    ["par jour", 1],
    ["pendant \\d+ (?:jours|semaines|mois)", 1],
  ],
  LAB_RESULTS: [
    ["hemoglobine", 3],
    ["bilan sanguin", 3],
    ["valeurs? de reference", 3],
    ["laboratoire", 2],
    ["biologie medicale", 3],
    ["hemogramme", 2],
    ["numeration formule sanguine", 3],
    ["hematies", 2],
    ["leucocytes", 2],
    ["plaquettes", 2],
    ["glycemie", 2],
    ["creatinine", 2],
    ["cholesterol", 1],
    ["triglycerides", 1],
    ["ferritine", 1],
    ["preleve(?:ment)? (?:le|du)", 2],
  ],
  IMAGING: [
    ["radiographie", 3],
    ["irm", 3],
    ["scanner", 3],
    ["echographie", 3],
    ["mammographie", 3],
    ["tomodensitometrie", 3],
    ["scintigraphie", 3],
    ["radiologie", 2],
    ["imagerie", 2],
    ["doppler", 2],
    ["cliches?", 1],
    ["incidences?", 1],
  ],
  REPORT: [
    ["compte[ -]rendu", 2],
    ["consultation", 2],
    ["hospitalisation", 2],
    ["lettre de sortie", 3],
    ["operatoire", 2],
    ["examen clinique", 2],
    ["cher confrere", 1],
    ["chere consoeur", 1],
    ["antecedents", 1],
    ["conclusion", 1],
    ["motif", 1],
  ],
  VACCINATION: [
    ["vaccin\\w*", 3],
    ["rappel", 1],
    ["injection", 1],
    ["numero de lot", 1],
  ],
  PREVENTION: [
    ["depistage", 3],
    ["prevention", 2],
    ["bilan de sante", 2],
  ],
  CERTIFICATE: [
    ["certificat", 3],
    ["certifie", 2],
    ["soussigne\\w*", 2],
    ["contre[ -]indication", 1],
    ["aptitude", 1],
  ],
  MEDICAL_SUMMARY: [
    ["synthese medicale", 4],
    ["volet de synthese", 4],
    ["vsm", 2],
    ["traitements? au long cours", 1],
  ],
  ADVANCE_DIRECTIVES: [
    ["directives anticipees", 5],
    ["personne de confiance", 2],
    ["fin de vie", 2],
    ["acharnement therapeutique", 2],
  ],
  ADMINISTRATIVE: [
    ["facture", 3],
    ["mutuelle", 3],
    ["attestation", 2],
    ["complementaire sante", 2],
    ["carte vitale", 2],
    ["remboursement", 2],
    ["tiers payant", 2],
    ["feuille de soins", 2],
    ["devis", 2],
    ["honoraires", 2],
    ["assurance maladie", 1],
    ["securite sociale", 1],
    ["montant", 1],
  ],
  QUESTIONNAIRE: [
    ["questionnaire", 3],
    ["cochez", 2],
    ["repondez", 1],
  ],
};

const COMPILED = Object.entries(RULES).map(([category, rules]) => ({
  category: category as DocumentCategory,
  rules: rules.map(([pattern, weight]) => ({ regex: new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, "gu"), weight })),
}));

/** A word in the first lines, where the title is, counts double. */
const TITLE_ZONE = 300;
/** Repeating a word does not make a document more of its kind past a few times. */
const MAX_COUNT = 3;
/** Below this score (a weak word, even in the title; a strong one in the body) there is no suggestion. */
const MIN_SCORE = 3;

export type CategorySuggestion = { category: DocumentCategory; confidence: number };

/**
 * The category a document's text most looks like, by scoring French keywords (accent- and
 * case-insensitive), or null when nothing points anywhere. `confidence` (0–1) grows with the winner's
 * score and shrinks when a second category comes close; pre-select from about 0.5.
 */
export function suggestCategory(text: string): CategorySuggestion | null {
  const folded = foldText(text);
  const scores = COMPILED.map(({ category, rules }) => {
    let score = 0;
    for (const { regex, weight } of rules) {
      let count = 0;
      let inTitle = false;
      for (const match of folded.matchAll(regex)) {
        if (match.index < TITLE_ZONE) inTitle = true;
        if (++count === MAX_COUNT) break;
      }
      score += weight * count * (inTitle ? 2 : 1);
    }
    return { category, score };
  }).sort((a, b) => b.score - a.score);

  const [best, second] = scores;
  if (best.score < MIN_SCORE) return null;
  // How much the winner leads, times how much evidence it has (a half at 6 points: one naming word in the title).
  const confidence = (best.score / (best.score + second.score)) * (best.score / (best.score + 6));
  return { category: best.category, confidence: Math.round(confidence * 100) / 100 };
}
