import "server-only";
import { isInAppCalendar } from "@/lib/schemas/boundary";
import { AppError } from "@/lib/server/errors";

export type DateBound = { gte?: Date; lt?: Date };

const DATE_PARAM = /^(eq|ge|gt|le|lt)?(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * FHIR `date` search values (`ge2025-01-01`, `lt2025-02-01T00:00:00+01:00`, …) as instant bounds.
 * A value without a time stands for its whole day (in UTC, the API's only zone), so `eq2025-01-01`
 * matches all of that day and `gt2025-01-01` starts the day after. Several values all apply (a range).
 */
export function parseDateParams(values: string[]): DateBound {
  const bound: DateBound = {};
  const tighten = (key: keyof DateBound, date: Date) => {
    const current = bound[key];
    if (!current || (key === "gte" ? date > current : date < current)) bound[key] = date;
  };
  for (const value of values) {
    const match = DATE_PARAM.exec(value);
    const start = match ? new Date(match[3] ? `${match[2]}${match[3]}` : `${match[2]}T00:00:00Z`) : null;
    // Within the app's calendar: PostgreSQL refuses year 0, which JavaScript accepts.
    if (!match || !start || !isInAppCalendar(start)) throw new AppError("BAD_REQUEST", "Invalid date search parameter.", { field: "date" });
    // An instant is a point; a day is a span.
    const end = match[3] ? new Date(start.getTime() + 1) : new Date(start.getTime() + DAY_MS);
    switch (match[1] ?? "eq") {
      case "eq":
        tighten("gte", start);
        tighten("lt", end);
        break;
      case "ge":
        tighten("gte", start);
        break;
      case "gt":
        tighten("gte", end);
        break;
      case "le":
        tighten("lt", end);
        break;
      case "lt":
        tighten("lt", start);
        break;
    }
  }
  return bound;
}

/** A token search parameter's codes (`code`, `system|code`, comma-separated alternatives, repeated). */
export function tokenCodes(values: string[], system: string): string[] {
  return values
    .flatMap((value) => value.split(","))
    .map((token) => {
      const bar = token.lastIndexOf("|");
      if (bar === -1) return token;
      const tokenSystem = token.slice(0, bar);
      return tokenSystem === "" || tokenSystem === system ? token.slice(bar + 1) : null;
    })
    .filter((code): code is string => !!code);
}
