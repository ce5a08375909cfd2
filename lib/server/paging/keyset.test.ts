import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { useTestDb } from "@/lib/testing/test-db";
import { keyset, type KeyKind, type Keyset } from "./keyset";

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("keyset cursors", () => {
  const byInstant = keyset({ key: "instant", order: "desc", name: "test" });
  const byDay = keyset({ key: "day", order: "asc", sort: "date_asc", name: "test", field: "_cursor" });

  it("give back the position they were made from", () => {
    const position = { key: new Date("2025-06-01T10:20:30.456Z"), id: randomUUID() };
    expect(byInstant.decode(byInstant.encode(position))).toEqual(position);
    expect(byDay.decode(byDay.encode({ key: "2025-06-01", id: position.id }))).toEqual({ key: "2025-06-01", id: position.id });
    expect(byInstant.decode(undefined)).toBeNull();
    expect(byInstant.decode("")).toBeNull();
  });

  it("refuse a forged, damaged or foreign cursor with BAD_REQUEST, naming the parameter", () => {
    const id = randomUUID();
    const refused = (paging: Keyset<KeyKind>, cursor: string) => {
      try {
        paging.decode(cursor);
      } catch (error) {
        return error instanceof AppError ? { code: error.code, field: error.field } : error;
      }
      return "accepted";
    };
    for (const cursor of [
      "not-a-cursor",
      forge({ k: "2025-06-01T00:00:00Z", i: "1" }),
      forge({ k: "2025-06-01T00:00:00Z" }),
      forge({ k: "0000-01-01T00:00:00Z", i: id }),
      forge({ k: "2025-06-01", i: id }),
    ]) {
      expect(refused(byInstant, cursor)).toEqual({ code: "BAD_REQUEST", field: undefined });
    }
    // A day PostgreSQL cannot hold, an instant where a day is expected, a cursor of another order.
    for (const cursor of [
      forge({ s: "date_asc", k: "2024-13-45", i: id }),
      forge({ s: "date_asc", k: "2025-06-01T00:00:00Z", i: id }),
      forge({ s: "date_desc", k: "2025-06-01", i: id }),
      forge({ k: "2025-06-01", i: id }),
    ]) {
      expect(refused(byDay, cursor)).toEqual({ code: "BAD_REQUEST", field: "_cursor" });
    }
    expect(refused(byInstant, forge({ s: "date_asc", k: "2025-06-01T00:00:00Z", i: id }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("take one row more than the page, to know whether another follows", () => {
    const rows = [1, 2, 3].map((n) => ({ id: randomUUID(), at: new Date(Date.UTC(2025, 0, n)) }));
    expect(byInstant.take(2)).toBe(3);
    const first = byInstant.page(rows, 2, (row) => row.at);
    expect(first.items).toEqual(rows.slice(0, 2));
    expect(first.next).toEqual({ key: rows[1].at, id: rows[1].id });
    expect(byInstant.decode(first.nextCursor)).toEqual(first.next);
    const last = byInstant.page(rows.slice(0, 2), 2, (row) => row.at);
    expect(last).toEqual({ items: rows.slice(0, 2), next: null, nextCursor: null });
  });
});

describe("keyset conditions in the database", () => {
  const db = useTestDb();

  /** Ten documents over four instants and four days, so that keys tie and the id decides. */
  async function documents() {
    const { id: ownerId } = await db.user.create({
      data: {
        email: `keyset-${randomUUID()}@test.local`,
        firstName: "Léa",
        lastName: "Page",
        status: "ACTIVE",
        roles: ["PATIENT"],
        birthDate: new Date("1980-03-04"),
      },
      select: { id: true },
    });
    await db.document.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({
        ownerId,
        title: `Page ${i}`,
        category: "OTHER" as const,
        authorKind: "PATIENT" as const,
        documentDate: new Date(Date.UTC(2025, 0, 1 + (i % 4))),
        createdAt: new Date(Date.UTC(2025, 5, 1, 8, 0, i % 4)),
      })),
    });
    return ownerId;
  }

  it("walk every row once, in order, through the SQL and the Prisma forms", async () => {
    const ownerId = await documents();
    const all = await db.document.findMany({ where: { ownerId }, select: { id: true, createdAt: true, documentDate: true } });
    const key = (row: (typeof all)[number]) => `${row.createdAt.toISOString()} ${row.id}`;
    const newestFirst = [...all].sort((a, b) => (key(a) < key(b) ? 1 : -1)).map((row) => row.id);
    const dayKey = (row: (typeof all)[number]) => `${row.documentDate.toISOString()} ${row.id}`;
    const oldestDayFirst = [...all].sort((a, b) => (dayKey(a) < dayKey(b) ? -1 : 1)).map((row) => row.id);

    const byInstant = keyset({ key: "instant", order: "desc", name: "test" });
    const viaPrisma: string[] = [];
    let cursor: string | null = null;
    do {
      const rows: { id: string; createdAt: Date }[] = await db.document.findMany({
        where: { AND: [{ ownerId }, byInstant.where("createdAt", byInstant.decode(cursor))] },
        select: { id: true, createdAt: true },
        orderBy: byInstant.orderBy("createdAt"),
        take: byInstant.take(3),
      });
      const page = byInstant.page(rows, 3, (row) => row.createdAt);
      viaPrisma.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(viaPrisma).toEqual(newestFirst);

    const byDay = keyset({ key: "day", order: "asc", name: "test" });
    const viaSql: string[] = [];
    cursor = null;
    do {
      const column = Prisma.sql`"documentDate"`;
      const rows: { id: string; documentDate: Date }[] = await db.$queryRaw`
        SELECT id, "documentDate" FROM "Document"
        WHERE "ownerId" = ${ownerId}::uuid AND ${byDay.sql(column, byDay.decode(cursor))}
        ORDER BY ${byDay.orderSql(column)} LIMIT ${byDay.take(4)}`;
      const page = byDay.page(rows, 4, (row) => row.documentDate.toISOString().slice(0, 10));
      viaSql.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(viaSql).toEqual(oldestDayFirst);
  });
});
