"use client";
import { useFormatter } from "next-intl";

/**
 * Dates as people read them. A calendar day ("YYYY-MM-DD": a document date, a birth date) is
 * shown in UTC so that it never shifts by a day; instants (added, binned, purge) in the user's zone.
 */
export function useDates() {
  const format = useFormatter();
  return {
    day: (isoDay: string) => format.dateTime(new Date(`${isoDay}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }),
    instant: (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long" }),
  };
}

/** Today as "YYYY-MM-DD" in the browser's own day, the default date of a new document. */
export function todayIsoDay(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
