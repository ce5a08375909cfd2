import type { Antigen, CalendarItem, Dose, Rule, Sex, VaccinationCalendar } from "./calendar-2025";
import { VACCINE_CODES } from "./calendar-2025";
import { type PlainDate, addMonths, ageInMonths, plainDate } from "./calendar-dates";

/**
 * Where a patient stands against the calendar, item by item, from their birth date, sex and the
 * vaccinations in their record. Pure: the caller reads the Immunizations and passes today.
 *
 * - done: every dose given (for recurring items, the current booster or this season's dose);
 * - due: the window is open and the dose not yet given;
 * - overdue: the recommended age is past and catching up is still recommended;
 * - upcoming: not yet (dueFrom says when);
 * - notApplicable: not for this person (born before 1980 for MMR, another sex) or past the age up to
 *   which the calendar catches up; what to do then is a doctor's call, not the calendar's.
 *
 * Simplified, on purpose, and said here so a page does not claim more: given doses are trusted as
 * valid (their intervals are not checked, only used to place the next dose); catch-up schedules that
 * change the number of doses with the starting age are not encoded (each item's simplification says
 * which); risk-based recommendations are out.
 */

export type ImmunizationInput = {
  /** An ATC code (VACCINE_CODES); an unknown code counts only through `antigens`. */
  vaccineCode?: string;
  antigens?: readonly Antigen[];
  date: Date | PlainDate;
};

export type PatientForCalendar = { birthDate: Date | PlainDate; sex?: Sex; immunizations: readonly ImmunizationInput[] };

export type ItemStatus = "done" | "due" | "overdue" | "upcoming" | "notApplicable";

export type ItemResult = {
  id: string;
  item: CalendarItem;
  status: ItemStatus;
  /** Doses counted for this item (this season's, the current booster's for recurring items). */
  dosesGiven: number;
  dosesRequired: number;
  /** When the next dose opens (upcoming), opened (due, overdue), or the next booster or season opens (done). */
  dueFrom?: PlainDate;
  /** The day it became overdue. */
  overdueFrom?: PlainDate;
};

type Given = { date: PlainDate; antigens: ReadonlySet<Antigen> };

function given(immunizations: readonly ImmunizationInput[], birth: PlainDate, today: PlainDate): Given[] {
  return immunizations
    .map((imm) => ({
      date: plainDate(imm.date),
      antigens: new Set<Antigen>([...(imm.vaccineCode ? (VACCINE_CODES[imm.vaccineCode]?.antigens ?? []) : []), ...(imm.antigens ?? [])]),
    }))
    .filter((g) => g.antigens.size > 0 && g.date >= birth && g.date <= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function covers(dose: Given, antigens: readonly Antigen[]): boolean {
  return antigens.every((antigen) => dose.antigens.has(antigen));
}

const later = (a: PlainDate, b: PlainDate) => (a > b ? a : b);

type Context = { birth: PlainDate; today: PlainDate; doses: Given[]; item: CalendarItem };
type Outcome = Omit<ItemResult, "id" | "item">;

function series(rule: Extract<Rule, { type: "series" }>, { birth, today, doses, item }: Context): Outcome {
  const required = rule.doses.length;
  if (rule.bornFrom && birth < rule.bornFrom) return { status: "notApplicable", dosesGiven: 0, dosesRequired: required };
  const countsFrom = addMonths(birth, rule.countsFromMonths);
  const matched: Given[] = [];
  let next: Dose | undefined = rule.doses[0];
  for (const dose of doses) {
    if (!next) break;
    if (dose.date < countsFrom) continue;
    if (covers(dose, item.antigens) || (next.alsoAccepts !== undefined && covers(dose, next.alsoAccepts))) {
      matched.push(dose);
      next = rule.doses[matched.length];
    }
  }
  if (!next) return { status: "done", dosesGiven: matched.length, dosesRequired: required };
  const base = { dosesGiven: matched.length, dosesRequired: required };
  if (rule.catchUpUntilMonths !== undefined && today >= addMonths(birth, rule.catchUpUntilMonths))
    return { status: "notApplicable", ...base };

  const previous = matched.at(-1);
  const opens = later(addMonths(birth, next.atMonths), previous ? addMonths(previous.date, next.minIntervalMonths ?? 0) : birth);
  if (today < opens) return { status: "upcoming", ...base, dueFrom: opens };
  if (next.dueByMonths === undefined) return { status: "due", ...base, dueFrom: opens };
  // A dose that opens late (a first dose given late) keeps a month to be given before it is overdue.
  const dueBy = later(addMonths(birth, next.dueByMonths), addMonths(opens, 1));
  return today >= dueBy ? { status: "overdue", ...base, dueFrom: opens, overdueFrom: dueBy } : { status: "due", ...base, dueFrom: opens };
}

function fixedAgeBoosters(rule: Extract<Rule, { type: "fixedAgeBoosters" }>, { birth, today, doses, item }: Context): Outcome {
  const age = ageInMonths(birth, today);
  const ages = [...rule.ages];
  while (ages.at(-1)! * 12 <= age + 12 * rule.thenEveryYears) ages.push(ages.at(-1)! + rule.thenEveryYears);
  const opensAt = (years: number) => addMonths(birth, years * 12 - rule.earlyMonths);
  const opened = ages.filter((years) => opensAt(years) <= today);
  const nextAge = ages[opened.length]!;
  const base = { dosesRequired: 1 };
  if (opened.length === 0) return { status: "upcoming", dosesGiven: 0, ...base, dueFrom: opensAt(nextAge) };

  const boosters = doses.filter((dose) => covers(dose, item.antigens));
  const givenFor = (years: number) => boosters.some((dose) => dose.date >= opensAt(years));
  const current = opened.at(-1)!;
  if (givenFor(current)) return { status: "done", dosesGiven: 1, ...base, dueFrom: opensAt(nextAge) };
  const previous = opened.at(-2);
  const lateFrom = addMonths(birth, current * 12 + rule.graceMonths);
  // The previous fixed-age booster missed as well: the protection has lapsed, so it is overdue at once.
  if (previous !== undefined && !givenFor(previous)) {
    return { status: "overdue", dosesGiven: 0, ...base, dueFrom: opensAt(current), overdueFrom: opensAt(current) };
  }
  if (today >= lateFrom) return { status: "overdue", dosesGiven: 0, ...base, dueFrom: opensAt(current), overdueFrom: lateFrom };
  return { status: "due", dosesGiven: 0, ...base, dueFrom: opensAt(current) };
}

function seasonal(rule: Extract<Rule, { type: "seasonal" }>, { birth, today, doses, item }: Context): Outcome {
  const year = Number(today.slice(0, 4));
  const seasonYear = today.slice(5) >= rule.seasonStarts ? year : year - 1;
  const season = (y: number) => ({
    starts: `${y}-${rule.seasonStarts}`,
    opens: `${y}-${rule.campaignOpens}`,
    closes: `${y + 1}-${rule.campaignCloses}`,
  });
  const now = season(seasonYear);
  const base = { dosesRequired: 1 };
  const eligibleFrom = addMonths(birth, rule.fromMonths);
  if (today < eligibleFrom) {
    const first = season(Number(eligibleFrom.slice(0, 4)));
    return { status: "upcoming", dosesGiven: 0, ...base, dueFrom: later(first.opens, eligibleFrom) };
  }
  const nextOpens = season(seasonYear + 1).opens;
  if (doses.some((dose) => dose.date >= now.starts && covers(dose, item.antigens))) {
    return { status: "done", dosesGiven: 1, ...base, dueFrom: nextOpens };
  }
  if (today < now.opens) return { status: "upcoming", dosesGiven: 0, ...base, dueFrom: now.opens };
  // A season's dose is not caught up once the campaign is over: the next season's is what counts.
  if (today > now.closes) return { status: "upcoming", dosesGiven: 0, ...base, dueFrom: nextOpens };
  return { status: "due", dosesGiven: 0, ...base, dueFrom: now.opens };
}

export function vaccinationStatus(calendar: VaccinationCalendar, patient: PatientForCalendar, today: Date | PlainDate): ItemResult[] {
  const birth = plainDate(patient.birthDate);
  const day = plainDate(today);
  const doses = given(patient.immunizations, birth, day);
  return calendar.items.map((item) => {
    const context = { birth, today: day, doses, item };
    const outcome: Outcome =
      patient.sex !== undefined && item.sexes !== undefined && !item.sexes.includes(patient.sex)
        ? { status: "notApplicable", dosesGiven: 0, dosesRequired: 0 }
        : item.rule.type === "series"
          ? series(item.rule, context)
          : item.rule.type === "fixedAgeBoosters"
            ? fixedAgeBoosters(item.rule, context)
            : seasonal(item.rule, context);
    return { id: item.id, item, ...outcome };
  });
}
