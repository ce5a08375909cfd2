import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { CATALOGUE_SYSTEM_TEXTS, readCatalogueText, type CatalogueSystemText } from "./system-texts";

const reader = (locale: "fr" | "en") =>
  createTranslator({ locale, messages: messages[locale], namespace: "catalogue.file.system" }) as unknown as (
    key: CatalogueSystemText,
  ) => string;

describe("catalogue texts the app wrote in French", () => {
  it("are read in English by an English reader, and in the same words by a French one", () => {
    expect(readCatalogueText(reader("en"), "Équipe de référencement")).toBe("Referencing team");
    expect(readCatalogueText(reader("en"), "Proposé par l'éditeur via le formulaire de référencement.")).toBe(
      "Proposed by the publisher through the referencing form.",
    );
    expect(readCatalogueText(reader("en"), "Saisi par l'équipe de référencement.")).toBe("Entered by the referencing team.");
    for (const [key, text] of Object.entries(CATALOGUE_SYSTEM_TEXTS)) expect(readCatalogueText(reader("fr"), text), key).toBe(text);
  });

  it("leave what a curator or publisher typed as typed", () => {
    const typed = "Dossier complet : tous les critères de sécurité sont remplis.";
    expect(readCatalogueText(reader("en"), typed)).toBe(typed);
    expect(readCatalogueText(reader("en"), "Cardiolink SAS")).toBe("Cardiolink SAS");
  });
});
