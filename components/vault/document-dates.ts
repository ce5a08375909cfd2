"use client";
import { useFormatter } from "next-intl";

/**
 * Dates of the vault as people read them. A document date is a calendar day ("YYYY-MM-DD") and is
 * shown in UTC so that it never shifts by a day; instants (added, binned, purge) in the user's zone.
 */
export function useVaultDates() {
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
