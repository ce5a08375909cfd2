import { describe, expect, it } from "vitest";
import { endOfParisDay, parisDay } from "./paris-date";

describe("consent dates in France's time zone", () => {
  it("ends a day at midnight in Paris, in winter and in summer time", () => {
    expect(endOfParisDay("2026-01-15").toISOString()).toBe("2026-01-15T22:59:59.999Z");
    expect(endOfParisDay("2026-07-15").toISOString()).toBe("2026-07-15T21:59:59.999Z");
  });

  it("names the day an instant falls on in Paris", () => {
    expect(parisDay(new Date("2026-07-15T22:30:00Z"))).toBe("2026-07-16");
    expect(parisDay(endOfParisDay("2026-03-29"))).toBe("2026-03-29");
  });
});
