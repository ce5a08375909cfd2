import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { DEMO_DIRECTORY } from "@/prisma/demo-professionals";
import {
  PROFESSIONS,
  SPECIALTIES,
  professionKeyOf,
  professionLabels,
  specialtyKeyOf,
  type DirectoryTranslator,
  type ProfessionKey,
  type SpecialtyKey,
} from "./professions";

const translator = (locale: "fr" | "en"): DirectoryTranslator => {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "directory" });
  return (key) => t(key);
};

describe("directory professions in the reader's language", () => {
  it("names the stored French labels in English, each as the French interface says them", () => {
    expect(professionLabels(translator("en"), { profession: "Médecin", specialty: "Médecine générale" })).toEqual({
      profession: "Doctor",
      specialty: "General practice",
    });
    expect(professionLabels(translator("en"), { profession: "Infirmier", specialty: "Infirmière de pratique avancée" })).toEqual({
      profession: "Nurse",
      specialty: "Advanced practice nurse",
    });
    expect(professionLabels(translator("fr"), { profession: "Médecin", specialty: "Médecine générale" })).toEqual({
      profession: "Médecin",
      specialty: "Médecine générale",
    });
  });

  it("knows every profession and specialty of the demo directory, so none stays French in English", () => {
    for (const professional of DEMO_DIRECTORY) {
      expect(professionKeyOf(professional.profession), professional.profession).not.toBeNull();
      if (professional.specialty) expect(specialtyKeyOf(professional.specialty), professional.specialty).not.toBeNull();
    }
  });

  it("reads a label whatever its case, Unicode form, apostrophe or spacing", () => {
    expect(professionKeyOf("MÉDECIN")).toBe("doctor");
    expect(professionKeyOf("Me\u0301decin")).toBe("doctor");
    expect(specialtyKeyOf("Pharmacie d’officine ")).toBe("communityPharmacy");
    expect(specialtyKeyOf("Médecine  générale")).toBe("generalPractice");
  });

  it("shows an unknown profession or specialty as stored, and no specialty as none", () => {
    expect(professionLabels(translator("en"), { profession: "Chiropracteur", specialty: "Sophrologie" })).toEqual({
      profession: "Chiropracteur",
      specialty: "Sophrologie",
    });
    expect(professionLabels(translator("en"), { profession: "Sage-femme", specialty: null })).toEqual({
      profession: "Midwife",
      specialty: null,
    });
  });

  it("has a message for every key in both languages", () => {
    for (const locale of ["fr", "en"] as const) {
      const t = translator(locale);
      for (const key of Object.keys(PROFESSIONS) as ProfessionKey[])
        expect(t(`professions.${key}`), `${locale} ${key}`).not.toMatch(/^directory\./);
      for (const key of Object.keys(SPECIALTIES) as SpecialtyKey[])
        expect(t(`specialties.${key}`), `${locale} ${key}`).not.toMatch(/^directory\./);
    }
    expect(Object.keys((messages.en.directory as { professions: object }).professions).sort()).toEqual(Object.keys(PROFESSIONS).sort());
    expect(Object.keys((messages.en.directory as { specialties: object }).specialties).sort()).toEqual(Object.keys(SPECIALTIES).sort());
  });
});
