import { describe, expect, it } from "vitest";
import { buildTestPdf } from "./build-test-pdf";
import { extractPdfText } from "./extract-pdf-text";
import { suggestDocumentMetadata } from "./suggest-document-metadata";

describe("suggestDocumentMetadata", () => {
  it("suggests the category and the date of a real PDF from its extracted text", async () => {
    const pdf = buildTestPdf([
      [
        "ORDONNANCE",
        "Dr Marie Lefèvre - 12 rue des Lilas, 69003 Lyon - Tél. 04.78.12.34.56",
        "Mme Jeanne Martin, née le 04/07/1961",
        "Amoxicilline 1 g : 1 comprimé matin et soir pendant 7 jours",
        "Posologie à respecter. À renouveler 2 fois.",
        "Fait à Lyon, le 12/03/2025",
      ],
    ]);
    const { text } = await extractPdfText(pdf);
    expect(text).toContain("Fait à Lyon, le 12/03/2025");
    const suggestion = suggestDocumentMetadata(text!, { today: "2025-06-30" });
    expect(suggestion).toMatchObject({ category: "PRESCRIPTION", documentDate: "2025-03-12" });
    expect(suggestion.confidence).toBeGreaterThan(0.5);
  });

  it("reads a lab report's sampling date and category", () => {
    const text = [
      "LABORATOIRE DE BIOLOGIE MÉDICALE DES LILAS",
      "Patient : M. Paul Durand — Date de naissance : 02/11/1958",
      "Prélevé le 12 mars 2025 à 08:10",
      "Hémoglobine  14,1 g/dL   Valeurs de référence : 13,0 – 17,0",
    ].join("\n");
    expect(suggestDocumentMetadata(text, { today: "2025-06-30" })).toMatchObject({ category: "LAB_RESULTS", documentDate: "2025-03-12" });
  });

  it("suggests nothing for a text with no sign", () => {
    expect(suggestDocumentMetadata("Bonjour.", { today: "2025-06-30" })).toEqual({ category: null, confidence: 0, documentDate: null });
  });
});
