/**
 * Calendar days ("2026-03-29") for ages and schedules. A vaccination calendar speaks in birthdays and
 * months of age, which are days on the French calendar, not instants: an injection at 00:30 on
 * 26 October in Paris (22:30 UTC the day before) belongs to the 26th, and a clock change or a leap day
 * must not move a birthday.
 */
export type PlainDate = string;

const PARIS_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });
const PLAIN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day in France of an instant, or a "YYYY-MM-DD" day checked and returned as it is. */
export function plainDate(input: Date | string): PlainDate {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new RangeError("invalid date");
    return PARIS_DAY.format(input);
  }
  const match = PLAIN.exec(input);
  if (!match) throw new RangeError("not a YYYY-MM-DD date");
  const [, y, m, d] = match.map(Number);
  const check = new Date(Date.UTC(y!, m! - 1, d!));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m! - 1 || check.getUTCDate() !== d) throw new RangeError("no such day");
  return input;
}

function parts(date: PlainDate): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y!, m!, d!];
}

function format(y: number, m: number, d: number): PlainDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * `months` calendar months after `date`, kept on the same day of the month or, when that month is
 * shorter, on its last day: someone born on 29 February has their birthday on 28 February in a common
 * year (the convention of most date libraries; the calendar's schedules do not depend on it).
 */
export function addMonths(date: PlainDate, months: number): PlainDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return format(year, month, Math.min(d, last));
}

export function addDays(date: PlainDate, days: number): PlainDate {
  const [y, m, d] = parts(date);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return format(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** Whole months of age on `on` (the same rule as addMonths, so ageInMonths(b, addMonths(b, n)) is n). */
export function ageInMonths(birth: PlainDate, on: PlainDate): number {
  const [by, bm] = parts(birth);
  const [oy, om] = parts(on);
  const months = (oy - by) * 12 + (om - bm);
  return addMonths(birth, months) > on ? months - 1 : months;
}
