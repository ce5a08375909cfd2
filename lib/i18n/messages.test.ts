import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import type { MessageKey } from "./message-key";
import { catalogueFiles, messages } from "./messages";
import { appLocaleOf, formattingLocale, localeFromAcceptLanguage } from "./locales";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const { fr, en } = messages;

describe("message catalogues", () => {
  it("keeps each namespace in one file only", () => {
    for (const files of Object.values(catalogueFiles)) {
      const namespaces = Object.values(files).flatMap((file) => Object.keys(file));
      expect(namespaces.length).toBe(new Set(namespaces).size);
    }
  });

  it("French and English have the same keys, none empty", () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    for (const catalogue of [fr, en]) {
      for (const key of keys(catalogue)) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogue);
        expect(value, key).not.toBe("");
      }
    }
  });

  it("uses the same placeholders in both languages", () => {
    // Each argument once, plain ("{total}") or ICU ("{total, plural, …}"), not a plural's branch ("one {has}"):
    // a language may put the plural on another word.
    const placeholders = (catalogue: object) =>
      Object.fromEntries(
        keys(catalogue).map((key) => [
          key,
          [
            ...new Set(
              Array.from(
                String(key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogue)).matchAll(
                  /(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{(\w+)\s*[,}]/g,
                ),
                (m) => m[1],
              ),
            ),
          ].sort(),
        ]),
      );
    expect(placeholders(en)).toEqual(placeholders(fr));
  });

  it("agrees a shown count with its words, one and many, in both languages", () => {
    const say = (locale: "fr" | "en", key: MessageKey, values: Record<string, number>) =>
      createTranslator({ locale, messages: messages[locale] })(key, values);
    const cases: [MessageKey, Record<string, number>, string, string][] = [
      ["security.events.caption", { count: 1 }, "Le dernier événement de sécurité", "The latest security event"],
      ["security.events.caption", { count: 20 }, "Les 20 derniers événements de sécurité", "The latest 20 security events"],
      ["support.account.eventsCaption", { count: 1 }, "Le dernier événement de sécurité du compte", "The account's latest security event"],
      ["catalogue.curation.reviewed", { count: 1, total: 9 }, "1 critère revu sur 9", "1 of 9 criteria reviewed"],
      [
        "staff.dashboard.secondFactor.share",
        { withFactor: 1, active: 1 },
        "1 compte actif sur 1 a au moins un second facteur confirmé.",
        "1 of 1 active account has at least one confirmed second factor.",
      ],
      [
        "staff.dashboard.secondFactor.share",
        { withFactor: 3, active: 5 },
        "3 comptes actifs sur 5 ont au moins un second facteur confirmé.",
        "3 of 5 active accounts have at least one confirmed second factor.",
      ],
      [
        "pro.emergency.duration",
        { hours: 1 },
        "L'accès vous ouvre les documents visibles du patient pendant 1 heure.",
        "The access opens the patient's visible documents to you for 1 hour.",
      ],
      [
        "documents.bin.intro",
        { days: 1 },
        "Les documents mis à la corbeille sont supprimés définitivement 1 jour après. Vous pouvez les restaurer d'ici là.",
        "Documents in the bin are deleted for good 1 day after being moved there. You can restore them until then.",
      ],
    ];
    for (const [key, values, french, english] of cases) {
      expect(say("fr", key, values), key).toBe(french);
      expect(say("en", key, values), key).toBe(english);
    }
  });
});

describe("language negotiation", () => {
  it("defaults to French and follows the browser's preference among supported languages", () => {
    expect(localeFromAcceptLanguage(null)).toBe("fr");
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE")).toBe("fr");
    expect(localeFromAcceptLanguage("en;q=0.3,fr;q=0.8")).toBe("fr");
    expect(localeFromAcceptLanguage("en;q=0")).toBe("fr");
  });
});

describe("the locale dates are written in", () => {
  const march4 = new Date("2026-03-04T09:05:00Z");
  const written = (locale: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" }).format(march4);

  it("writes English day first for a British browser and when the browser names no region", () => {
    expect(formattingLocale("en", "en-GB,en;q=0.9")).toBe("en-GB");
    expect(written(formattingLocale("en", "en-GB,en;q=0.9"))).toBe("4 Mar 2026, 10:05");
    expect(formattingLocale("en", "en")).toBe("en-GB");
    expect(formattingLocale("en", null)).toBe("en-GB");
    // The language chosen by cookie, with a browser that speaks French first.
    expect(formattingLocale("en", "fr-FR,fr;q=0.9")).toBe("en-GB");
  });

  it("keeps the region the browser gives for the language shown, and French as in France otherwise", () => {
    expect(formattingLocale("en", "fr-FR,en-US;q=0.5")).toBe("en-US");
    expect(formattingLocale("fr", "fr-CA")).toBe("fr-CA");
    expect(formattingLocale("fr", "en-GB")).toBe("fr-FR");
    expect(written(formattingLocale("fr", null))).toBe("4 mars 2026, 10:05");
    expect(formattingLocale("en", "en-GB-oxendict, en-*, en-zz-zz")).toBe("en-GB");
  });

  it("gives back the app's language of a regional locale", () => {
    expect(appLocaleOf("en-GB")).toBe("en");
    expect(appLocaleOf("fr-CA")).toBe("fr");
    expect(appLocaleOf("de-DE")).toBe("fr");
  });
});
