import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { type Antigen, CALENDAR_2025, VACCINE_CODES } from "./calendar-2025";
import { addMonths, ageInMonths, plainDate } from "./calendar-dates";
import { type ImmunizationInput, type ItemStatus, type PatientForCalendar, vaccinationStatus } from "./vaccination-status";

function statuses(patient: PatientForCalendar, today: string): Record<string, ItemStatus> {
  return Object.fromEntries(vaccinationStatus(CALENDAR_2025, patient, today).map((r) => [r.id, r.status]));
}

function item(patient: PatientForCalendar, today: Date | string, id: string) {
  const found = vaccinationStatus(CALENDAR_2025, patient, today).find((r) => r.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

const dose = (vaccineCode: string, date: string): ImmunizationInput => ({ vaccineCode, date });

/** The full childhood schedule for a child born on `birth`, each dose on its recommended day. */
function childhood(birth: string): ImmunizationInput[] {
  const at = (months: number) => addMonths(birth, months);
  return [
    ...[2, 4, 11].map((m) => dose("J07CA09", at(m))),
    ...[2, 4, 11].map((m) => dose("J07AL02", at(m))),
    ...[3, 5, 12].map((m) => dose("J07AH09", at(m))),
    ...[6, 12].map((m) => dose("J07AH08", at(m))),
    ...[12, 17].map((m) => dose("J07BD52", at(m))),
    dose("J07CA02", at(72)),
  ];
}

describe("the 2025 calendar data", () => {
  it("carries its year and source, one entry per item, each with its section and what the text says", () => {
    expect(CALENDAR_2025.year).toBe(2025);
    expect(CALENDAR_2025.title).toContain("2025");
    const ids = CALENDAR_2025.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of CALENDAR_2025.items) {
      expect(entry.section, entry.id).toBeTruthy();
      expect(entry.says, entry.id).toBeTruthy();
    }
  });

  it("names every item and every status in French and English", () => {
    for (const locale of ["fr", "en"] as const) {
      const catalogue = messages[locale].vaccinationCalendar;
      expect(Object.keys(catalogue.items).sort(), locale).toEqual(CALENDAR_2025.items.map((i) => i.id).sort());
      const statuses: ItemStatus[] = ["done", "due", "overdue", "upcoming", "notApplicable"];
      expect(Object.keys(catalogue.statuses).sort(), locale).toEqual(statuses.sort());
    }
  });

  it("can match every item with at least one coded vaccine", () => {
    for (const entry of CALENDAR_2025.items) {
      const matching = Object.values(VACCINE_CODES).filter((v) => entry.antigens.every((a: Antigen) => v.antigens.includes(a)));
      expect(matching.length, entry.id).toBeGreaterThan(0);
    }
  });
});

describe("calendar days", () => {
  it("takes an instant's day in France, across the clock changes", () => {
    // 00:30 in Paris on the night summer time ends (UTC+2 until 03:00) and on the night it starts.
    expect(plainDate(new Date("2025-10-25T22:30:00Z"))).toBe("2025-10-26");
    expect(plainDate(new Date("2026-03-28T23:30:00Z"))).toBe("2026-03-29");
    expect(plainDate(new Date("2026-03-29T21:59:00Z"))).toBe("2026-03-29");
    expect(() => plainDate("2025-02-29")).toThrow(RangeError);
  });

  it("keeps a 29 February birthday on the last day of February in common years", () => {
    expect(addMonths("2008-02-29", 12 * 18)).toBe("2026-02-28");
    expect(ageInMonths("2008-02-29", "2026-02-27")).toBe(12 * 18 - 1);
    expect(ageInMonths("2008-02-29", "2026-02-28")).toBe(12 * 18);
    expect(addMonths("2024-02-29", 48)).toBe("2028-02-29");
    expect(addMonths("2025-10-31", 1)).toBe("2025-11-30");
  });
});

describe("vaccination status", () => {
  it("a newborn: the first doses are upcoming at 2 and 3 months, nothing due yet", () => {
    const newborn = { birthDate: "2025-12-01", sex: "female" as const, immunizations: [] };
    const all = vaccinationStatus(CALENDAR_2025, newborn, "2026-01-15");
    expect(all.filter((r) => r.status !== "upcoming")).toEqual([]);
    expect(item(newborn, "2026-01-15", "infant-dtcap-hib-hepb")).toMatchObject({ dueFrom: "2026-02-01", dosesGiven: 0, dosesRequired: 3 });
    expect(item(newborn, "2026-01-15", "infant-meningococcal-b").dueFrom).toBe("2026-03-01");
    expect(item(newborn, "2026-01-15", "zoster").dueFrom).toBe("2090-12-01");
  });

  it("an infant: due at 2 months, overdue a month later, then the next dose upcoming once given", () => {
    const baby = { birthDate: "2025-12-01", immunizations: [] as ImmunizationInput[] };
    expect(item(baby, "2026-02-10", "infant-dtcap-hib-hepb").status).toBe("due");
    expect(item(baby, "2026-03-02", "infant-dtcap-hib-hepb")).toMatchObject({ status: "overdue", overdueFrom: "2026-03-01" });
    baby.immunizations = [dose("J07CA09", "2026-02-03"), dose("J07CA09", "2026-04-02")];
    // The booster opens at 11 months, not 6 months after the second dose: the later of the two.
    expect(item(baby, "2026-06-01", "infant-dtcap-hib-hepb")).toMatchObject({ status: "upcoming", dosesGiven: 2, dueFrom: "2026-11-01" });
  });

  it("counts a dose entered by vaccine group as well as by ATC code, and a MenC first dose toward ACWY", () => {
    const baby = {
      birthDate: "2025-01-10",
      immunizations: [{ antigens: ["pneumococcal"] as Antigen[], date: "2025-03-12" }, dose("J07AH07", "2025-07-10")],
    };
    expect(item(baby, "2025-08-01", "infant-pneumococcal").dosesGiven).toBe(1);
    expect(item(baby, "2025-08-01", "infant-meningococcal-acwy")).toMatchObject({
      status: "upcoming",
      dosesGiven: 1,
      dueFrom: "2026-01-10",
    });
  });

  it("ignores doses with an unknown code and no group, dated before birth, or dated after today", () => {
    const baby = {
      birthDate: "2025-12-01",
      immunizations: [dose("X99", "2026-02-02"), dose("J07CA09", "2025-11-30"), dose("J07CA09", "2026-02-20")],
    };
    expect(item(baby, "2026-02-10", "infant-dtcap-hib-hepb")).toMatchObject({ status: "due", dosesGiven: 0 });
  });

  it("a 12-year-old girl and a 12-year-old boy: HPV due for both, with the ACWY and dTcaP boosters", () => {
    for (const sex of ["female", "male"] as const) {
      const child = { birthDate: "2013-10-01", sex, immunizations: childhood("2013-10-01") };
      const all = statuses(child, "2026-01-15");
      expect(all, sex).toMatchObject({
        "infant-dtcap-hib-hepb": "done",
        "infant-pneumococcal": "done",
        "infant-meningococcal-b": "done",
        "infant-meningococcal-acwy": "done",
        mmr: "done",
        "child-dtcap-6": "done",
        "child-dtcap-11": "due",
        hpv: "due",
        "teen-meningococcal-acwy": "due",
        "adult-dtp": "upcoming",
        influenza: "upcoming",
      });
    }
  });

  it("HPV: the second dose opens six months after the first, and is done after it", () => {
    const girl = { birthDate: "2013-10-01", sex: "female" as const, immunizations: [dose("J07BM03", "2025-11-20")] };
    expect(item(girl, "2026-01-15", "hpv")).toMatchObject({ status: "upcoming", dosesGiven: 1, dueFrom: "2026-05-20" });
    girl.immunizations.push(dose("J07BM03", "2026-05-25"));
    expect(item(girl, "2026-06-01", "hpv")).toMatchObject({ status: "done", dosesGiven: 2 });
  });

  it("a 45-year-old who missed the dTP booster is overdue; one who had it at 44 is up to date until 64", () => {
    const missed = { birthDate: "1980-06-10", sex: "male" as const, immunizations: [dose("J07CA02", "2006-09-01")] };
    expect(item(missed, "2026-01-15", "adult-dtp")).toMatchObject({ status: "overdue", overdueFrom: "2025-06-10" });
    // A year before the birthday the window is open but nothing is late yet.
    expect(item(missed, "2024-12-01", "adult-dtp")).toMatchObject({ status: "due", dueFrom: "2024-06-10" });
    const lapsed = { ...missed, immunizations: [dose("J07CA02", "1993-05-01")] };
    // Nothing since 13 years: the 25-year booster was missed too, so late as soon as the 45 window opens.
    expect(item(lapsed, "2024-12-01", "adult-dtp")).toMatchObject({ status: "overdue", overdueFrom: "2024-06-10" });
    const upToDate = { ...missed, immunizations: [dose("J07CA02", "2006-09-01"), dose("J07CA01", "2024-09-01")] };
    expect(item(upToDate, "2026-01-15", "adult-dtp")).toMatchObject({ status: "done", dueFrom: "2044-06-10" });
  });

  it("a 70-year-old: flu due in season and done once given, zoster and pneumococcus due, RSV at 75, no childhood items", () => {
    const senior = { birthDate: "1955-11-20", sex: "female" as const, immunizations: [dose("J07CA01", "2021-03-01")] };
    const inSeason = statuses(senior, "2026-01-15");
    expect(inSeason).toMatchObject({
      influenza: "due",
      zoster: "due",
      "adult-pneumococcal": "due",
      "rsv-older-adults": "upcoming",
      "adult-dtp": "done",
      mmr: "notApplicable",
      "infant-dtcap-hib-hepb": "notApplicable",
      hpv: "notApplicable",
    });
    expect(item(senior, "2026-01-15", "rsv-older-adults").dueFrom).toBe("2030-11-20");
    expect(item(senior, "2026-01-15", "adult-dtp").dueFrom).toBe("2029-11-20");

    const vaccinated = {
      ...senior,
      immunizations: [...senior.immunizations, dose("J07BB02", "2025-10-20"), dose("J07BK03", "2025-10-20")],
    };
    expect(item(vaccinated, "2026-01-15", "influenza")).toMatchObject({ status: "done", dueFrom: "2026-10-15" });
    expect(item(vaccinated, "2026-01-15", "zoster")).toMatchObject({ status: "due", dosesGiven: 1 });
    expect(item(vaccinated, "2025-11-15", "zoster")).toMatchObject({ status: "upcoming", dueFrom: "2025-12-20" });
    // Last season's dose does not count for the next one; out of season the next campaign is upcoming.
    expect(item(vaccinated, "2026-10-20", "influenza").status).toBe("due");
    expect(item(senior, "2026-06-01", "influenza")).toMatchObject({ status: "upcoming", dueFrom: "2026-10-15" });
    expect(item(senior, "2026-02-28", "influenza").status).toBe("due");
    expect(item(senior, "2026-03-01", "influenza").status).toBe("upcoming");
  });

  it("someone turning 65 mid-season is due at once; the leap day still belongs to the campaign", () => {
    const turning = { birthDate: "1962-12-01", immunizations: [] };
    expect(item(turning, "2027-11-30", "influenza")).toMatchObject({ status: "upcoming", dueFrom: "2027-12-01" });
    expect(item(turning, "2027-12-01", "influenza").status).toBe("due");
    expect(item(turning, "2028-02-29", "influenza").status).toBe("due");
  });

  it("a child born on 29 February: the 12-month dose opens on 28 February of the next year", () => {
    const leap = { birthDate: "2024-02-29", immunizations: [] };
    expect(item(leap, "2025-02-27", "mmr").status).toBe("upcoming");
    expect(item(leap, "2025-02-28", "mmr")).toMatchObject({ status: "due", dueFrom: "2025-02-28" });
  });

  it("takes today and dates as instants in France as well as days", () => {
    const baby = { birthDate: new Date("2025-11-30T23:30:00Z"), immunizations: [] };
    // Born at 00:30 on 1 December in Paris: the 2-month dose opens on 1 February.
    expect(item(baby, new Date("2026-01-31T22:59:00Z"), "infant-dtcap-hib-hepb").status).toBe("upcoming");
    expect(item(baby, new Date("2026-01-31T23:30:00Z"), "infant-dtcap-hib-hepb").status).toBe("due");
  });

  it("leaves out an item whose sexes do not include the patient's", () => {
    const calendar = {
      ...CALENDAR_2025,
      items: CALENDAR_2025.items.map((i) => (i.id === "hpv" ? { ...i, sexes: ["female" as const] } : i)),
    };
    const boy = { birthDate: "2013-10-01", sex: "male" as const, immunizations: [] };
    expect(vaccinationStatus(calendar, boy, "2026-01-15").find((r) => r.id === "hpv")?.status).toBe("notApplicable");
    expect(vaccinationStatus(calendar, { ...boy, sex: "female" }, "2026-01-15").find((r) => r.id === "hpv")?.status).toBe("due");
  });
});
