import { describe, expect, it } from "vitest";
import { birthDay, calendarDay, instant, isCalendarDay, nulPath } from "./boundary";

describe("boundary schemas", () => {
  it("a calendar day is a real day from 1900 to 2100 (PostgreSQL refuses year 0, JavaScript does not)", () => {
    for (const day of ["1900-01-01", "1985-04-12", "2024-02-29", "2100-12-31"]) expect(isCalendarDay(day), day).toBe(true);
    for (const day of [
      "0000-01-01",
      "2024-13-45",
      "2024-02-30",
      "1899-12-31",
      "2101-01-01",
      "-000001-01-01",
      "+275760-09-13",
      "2024-1-1",
      "2024-01-01\u0000",
      "",
    ]) {
      expect(calendarDay().safeParse(day).success, day).toBe(false);
    }
    expect(calendarDay({ min: "2000-01-01" }).safeParse("1999-12-31").success).toBe(false);
  });

  it("a birth day is never in the future", () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(birthDay().safeParse("1985-04-12").success).toBe(true);
    expect(birthDay().safeParse(tomorrow).success).toBe(false);
    expect(birthDay().safeParse("0000-01-01").success).toBe(false);
  });

  it("an instant has its zone and lies within the app's calendar", () => {
    expect(instant.safeParse("2026-01-15T07:30:00.000Z").success).toBe(true);
    expect(instant.safeParse("2026-01-15T07:30:00+01:00").success).toBe(true);
    for (const value of [
      "0000-01-01T00:00:00Z",
      "-000001-01-01T00:00:00.000Z",
      "+275760-09-13T00:00:00.000Z",
      "9999-12-31T23:59:59Z",
      "2024-13-45T00:00:00Z",
      "2026-01-15T07:30:00",
    ]) {
      expect(instant.safeParse(value).success, value).toBe(false);
    }
  });

  it("finds a NUL anywhere in a body, key or value, and names where", () => {
    expect(nulPath({ title: "Bilan", tags: ["a", "b"], nested: { n: 1 } })).toBeNull();
    expect(nulPath("a\u0000b")).toBe("");
    expect(nulPath({ title: "a\u0000b" })).toBe("title");
    expect(nulPath({ grant: { ids: ["x", "\u0000"] } })).toBe("grant.ids.1");
    expect(nulPath({ "k\u0000": "v" })).toBe("k\u0000");
  });
});
