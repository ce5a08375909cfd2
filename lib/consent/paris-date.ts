/**
 * Dates of consent as a French patient means them: "until 31 March" is through the end of that day in
 * France, whatever the server's time zone.
 */
const TIME_ZONE = "Europe/Paris";

function offsetMinutes(at: Date): number {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value ?? "";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The last millisecond of `date` (YYYY-MM-DD) in France. */
export function endOfParisDay(date: string): Date {
  const utc = new Date(`${date}T23:59:59.999Z`);
  return new Date(utc.getTime() - offsetMinutes(utc) * 60_000);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in France. */
export function parisDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
