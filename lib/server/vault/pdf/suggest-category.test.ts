import { describe, expect, it } from "vitest";
import { suggestCategory } from "./suggest-category";

describe("suggestCategory", () => {
  it.each([
    [
      "PRESCRIPTION",
      "ORDONNANCE\nDr Martin\nAmoxicilline 1 g : 1 comprimé matin et soir pendant 7 jours. QSP 1 mois, à renouveler 2 fois.",
    ],
    [
      "LAB_RESULTS",
      "Laboratoire de biologie médicale des Lilas\nHémoglobine 13,5 g/dL (valeurs de référence : 12 - 16)\nPlaquettes 250 G/L",
    ],
    ["IMAGING", "Compte rendu d'échographie abdominale\nFoie de taille normale. Conclusion : examen normal."],
    ["IMAGING", "IRM du genou droit : pas de lésion méniscale."],
    ["REPORT", "Compte rendu d'hospitalisation\nMotif : douleur thoracique. Antécédents : HTA."],
    ["VACCINATION", "Certificat de vaccination\nVaccin contre la grippe, lot AB123, rappel dans un an."],
    ["PREVENTION", "Programme de dépistage organisé du cancer colorectal : votre test de dépistage."],
    ["CERTIFICATE", "Certificat médical\nJe soussigné, Dr Durand, certifie avoir examiné ce jour Mme X."],
    ["MEDICAL_SUMMARY", "Volet de synthèse médicale (VSM)\nTraitements au long cours : lévothyrox."],
    ["ADVANCE_DIRECTIVES", "Mes directives anticipées\nJe désigne comme personne de confiance ma fille."],
    ["ADMINISTRATIVE", "FACTURE n° 2025-041\nHonoraires : 30 €. Part mutuelle : 9 €. Tiers payant."],
    ["ADMINISTRATIVE", "Attestation de droits à l'assurance maladie"],
    ["QUESTIONNAIRE", "Questionnaire de santé — cochez la case qui correspond."],
  ] as const)("recognises %s", (category, text) => {
    expect(suggestCategory(text)?.category).toBe(category);
  });

  it("ignores accents and case", () => {
    expect(suggestCategory("HEMOGLOBINE, BILAN SANGUIN")?.category).toBe("LAB_RESULTS");
    expect(suggestCategory("Échographie")?.category).toBe("IMAGING");
    expect(suggestCategory("ECHOGRAPHIE")?.category).toBe("IMAGING");
    expect(suggestCategory("e\u0301chographie")?.category).toBe("IMAGING");
  });

  it("matches whole words only", () => {
    // "scanné" is not "scanner", "firme" holds "irm", "ordonnancement" is not a prescription.
    expect(suggestCategory("Document scanné par la firme, ordonnancement des tâches")).toBeNull();
  });

  it("suggests nothing when no keyword, or one weak word only, is found", () => {
    expect(suggestCategory("Bonjour, voici le document demandé.")).toBeNull();
    expect(suggestCategory("")).toBeNull();
    expect(suggestCategory("Petit rappel : réunion jeudi.")).toBeNull();
    expect(suggestCategory(`${" Texte.".repeat(60)} Le laboratoire.`)).toBeNull();
    expect(suggestCategory("Le laboratoire.")?.category).toBe("LAB_RESULTS");
  });

  it("is more confident when the signs agree than when two categories compete", () => {
    const clear = suggestCategory("ORDONNANCE\nPosologie : 1 comprimé par jour, à renouveler.")!;
    const mixed = suggestCategory("Consultation du jour, ordonnance remise.")!;
    expect(clear.category).toBe("PRESCRIPTION");
    expect(clear.confidence).toBeGreaterThanOrEqual(0.75);
    expect(clear.confidence).toBeLessThanOrEqual(1);
    expect(mixed.confidence).toBeLessThan(0.5);
    // Two weak words are a hint, not a suggestion to pre-select.
    expect(suggestCategory("Voir la conclusion et le motif.")).toMatchObject({ category: "REPORT" });
    expect(suggestCategory("Voir la conclusion et le motif.")!.confidence).toBeLessThan(0.5);
  });

  it("gives the words of the title more weight than the same words further down", () => {
    const filler = " Texte sans rapport.".repeat(30);
    // "ordonnance" and "certificat" weigh the same: the one in the title wins.
    expect(suggestCategory(`Ordonnance${filler} Certificat.`)?.category).toBe("PRESCRIPTION");
    expect(suggestCategory(`Certificat${filler} Ordonnance.`)?.category).toBe("CERTIFICATE");
  });
});
