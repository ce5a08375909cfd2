import { describe, expect, it } from "vitest";
import { resolveConsentChoice } from "./consent-choice";
import { buildConsentView } from "./consent-view";

// A curator may enter purposes in French only (the English one is optional in the catalogue's form).
const app = {
  slug: "suivi-test",
  name: "Suivi test",
  publisher: "Éditeur test",
  scopePurposes: {
    "patient/Patient.r": { fr: "Afficher votre nom", optional: true },
    "patient/Observation.c": { fr: "Enregistrer vos mesures", en: "Record your measurements", optional: false },
  },
  documentCategories: [],
};
const requested = ["patient/Patient.r", "patient/Observation.c", "offline_access"];

describe("the consent screen's view of an app's purposes", () => {
  it("shows a French-only purpose to an English reader, and keeps it optional", () => {
    const view = buildConsentView({ app, requested, connection: null, locale: "en" });
    expect(view.scopes).toEqual([
      expect.objectContaining({ scope: "patient/Patient.r", purpose: "Afficher votre nom", optional: true }),
      expect.objectContaining({ scope: "patient/Observation.c", purpose: "Record your measurements", optional: false }),
    ]);
    expect(view.technical).toEqual(["offline_access"]);
  });

  it("leaves out an optional scope the patient unticked, keeps the required and technical ones", () => {
    const choice = resolveConsentChoice({ requested, app, form: { scopes: [], categories: [] } });
    expect(choice.scopes).toEqual(["offline_access", "patient/Observation.c"]);
  });
});
