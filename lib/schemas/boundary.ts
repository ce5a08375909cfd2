import { z } from "zod";

/**
 * The building blocks every boundary (route handlers, server actions, FHIR, cursors, headers) parses
 * with. JavaScript accepts values PostgreSQL refuses — year 0, negative and six-digit years, NUL in a
 * text — and such a value used to travel to the database and come back as a 500. These stop it at the
 * door with a 400 (a 404 for an id in the path), in the field's own terms.
 */

/** The calendar this app deals in: no record predates 1900 nor is dated after 2100. */
export const EARLIEST_DAY = "1900-01-01";
export const LATEST_DAY = "2100-12-31";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real "YYYY-MM-DD" day (no 2024-02-30) within [min, max] (ISO days compare as text). */
export function isCalendarDay(value: string, { min = EARLIEST_DAY, max = LATEST_DAY }: { min?: string; max?: string } = {}): boolean {
  if (!DAY.test(value) || value < min || value > max) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Today in UTC as "YYYY-MM-DD", read at parse time (a schema lives longer than a day). */
const today = () => new Date().toISOString().slice(0, 10);

/** A calendar day as "YYYY-MM-DD" within 1900–2100 (or the field's own range); `message` is an i18n key. */
export function calendarDay({ min, max, message }: { min?: string; max?: string; message?: string } = {}) {
  return z.string().refine((value) => isCalendarDay(value, { min, max }), message);
}

/** A birth date: a real day from 1900 to today, never in the future. */
export function birthDay({ message }: { message?: string } = {}) {
  return z.string().refine((value) => isCalendarDay(value, { max: today() }), message);
}

/** An instant within the app's calendar (cursors, FHIR dates): a Date PostgreSQL can store. */
export function isInAppCalendar(date: Date): boolean {
  const time = date.getTime();
  return (
    !Number.isNaN(time) && time >= Date.parse(`${EARLIEST_DAY}T00:00:00Z`) && time < Date.parse(`${LATEST_DAY}T00:00:00Z`) + 86_400_000
  );
}

/** An ISO 8601 instant with its zone ("…Z" or "…+01:00") within the app's calendar. */
export const instant = z.iso.datetime({ offset: true }).refine((value) => isInAppCalendar(new Date(value)));

/** A row id: every table's key is a UUID, and anything else must not reach a uuid column. */
export const uuid = z.uuid();

/** A text PostgreSQL can store: it refuses NUL (U+0000) in any text. */
export const hasNul = (value: string) => value.includes("\u0000");

/**
 * The path of the first string holding a NUL anywhere in a parsed body, query or form ("" for the
 * value itself), or null. Checked before any schema: no text field of any input may carry one.
 */
export function nulPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return hasNul(value) ? path.join(".") : null;
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const [key, item] of value instanceof Map ? value.entries() : Object.entries(value)) {
    if (hasNul(String(key))) return [...path, String(key)].join(".");
    const found = nulPath(item, [...path, String(key)], depth + 1);
    if (found !== null) return found;
  }
  return null;
}
