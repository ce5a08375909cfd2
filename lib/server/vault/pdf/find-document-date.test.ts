import { describe, expect, it } from "vitest";
import { findDocumentDate } from "./find-document-date";

const today = "2025-06-30";
const find = (text: string) => findDocumentDate(text, { today });

describe("findDocumentDate", () => {
  it("reads the four written forms", () => {
    expect(find("Le 12/03/2025")).toBe("2025-03-12");
    expect(find("Le 12.03.2025")).toBe("2025-03-12");
    expect(find("Le 12-03-2025")).toBe("2025-03-12");
    expect(find("Le 12 mars 2025")).toBe("2025-03-12");
    expect(find("Le 1er avril 2025")).toBe("2025-04-01");
    expect(find("Le 3 févr. 2025")).toBe("2025-02-03");
    expect(find("LE 15 AOÛT 2024")).toBe("2024-08-15");
    expect(find("Export du 2025-03-12")).toBe("2025-03-12");
    expect(find("Le 5/3/25")).toBe("2025-03-05");
  });

  it("returns null when there is no date", () => {
    expect(find("Aucune date ici, seulement 12 comprimés et 3/4 de dose.")).toBeNull();
    expect(find("")).toBeNull();
  });

  it("ignores impossible dates, dates before 1900 and telephone numbers", () => {
    expect(find("Le 31/02/2025")).toBeNull();
    expect(find("Le 12/13/2025")).toBeNull();
    expect(find("Le 12/03/1850")).toBeNull();
    expect(find("Tél. 06.12.10.11.12")).toBeNull();
  });

  it("ignores dates in the future", () => {
    expect(find("Prochain rendez-vous le 12/09/2025. Fait le 12/03/2025")).toBe("2025-03-12");
    expect(find("Valable jusqu'au 01/01/2026")).toBeNull();
    expect(findDocumentDate("Le 12/03/2025", { today: "2025-03-11" })).toBeNull();
    expect(findDocumentDate("Le 12/03/2025", { today: "2025-03-12" })).toBe("2025-03-12");
  });

  it("ignores birth dates", () => {
    expect(find("Mme Dupont, née le 04/07/1961")).toBeNull();
    expect(find("M. Durand, né le 4 juillet 1961")).toBeNull();
    expect(find("Patient(e) né(e) le : 04/07/1961")).toBeNull();
    expect(find("Date de naissance : 04/07/1961")).toBeNull();
    expect(find("DDN 04/07/1961")).toBeNull();
    expect(find("Mme Dupont, née le 04/07/1961\nOrdonnance du 12/03/2025")).toBe("2025-03-12");
  });

  it("prefers the date the context names as the document's", () => {
    // The earlier date in the text is a past event; the signed date wins.
    expect(find("Opérée le 10/01/2019. Hospitalisée du 02/03/2025 au 05/03/2025.\nFait à Lyon, le 06/03/2025")).toBe("2025-03-06");
    expect(find("Résultats édités le 14/03/2025\nPrélevé le 12/03/2025 à 8 h 10\nDossier 11/03/2025")).toBe("2025-03-14");
    expect(find("Référence 01/02/2025\nPrélèvement du 12/03/2025")).toBe("2025-03-12");
    expect(find("Réf 01/02/2025 — Date : 12/03/2025")).toBe("2025-03-12");
    expect(find("Antécédent 01/02/2024\nLyon, le 12 mars 2025")).toBe("2025-03-12");
  });

  it("takes the first of equally plausible dates, and a recurring one over a single one", () => {
    expect(find("01/02/2025 puis 03/04/2025")).toBe("2025-02-01");
    expect(find("01/02/2025 puis 03/04/2025, rappel 03/04/2025")).toBe("2025-04-03");
  });

  it("defaults 'today' to the current date", () => {
    const future = new Date(Date.now() + 3 * 86_400_000);
    const text = `Le ${future.getUTCDate()}/${future.getUTCMonth() + 1}/${future.getUTCFullYear()}`;
    expect(findDocumentDate(text)).toBeNull();
    expect(findDocumentDate("Le 12/03/2020")).toBe("2020-03-12");
  });
});
