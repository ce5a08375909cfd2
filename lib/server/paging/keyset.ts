import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { instant, isCalendarDay } from "@/lib/schemas/boundary";
import { AppError } from "@/lib/server/errors";

/**
 * Keyset paging, for every list that pages: each page continues after the last row of the previous one
 * (its sort key, then its id as the tie-breaker), so page 400 costs what page 1 does along the list's
 * (key, id) index, and rows added meanwhile neither repeat nor shift a page. The cursor a client holds
 * is opaque and checked on the way back: a forged one, or one from another order, is refused rather
 * than silently misread.
 */

/** What the sort key is: an instant (timestamptz) or a calendar day (date, "2025-06-01"). */
export type KeyKind = "instant" | "day";
export type KeyOf<K extends KeyKind> = K extends "instant" ? Date : string;

/** Where a page ended: the sort key of its last row and that row's id. */
export type KeysetPosition<K extends KeyKind = "instant"> = { key: KeyOf<K>; id: string };

/** The page's rows, and where the next page starts (null on the last page). */
export type KeysetPage<R, K extends KeyKind = "instant"> = { items: R[]; next: KeysetPosition<K> | null; nextCursor: string | null };

const cursorSchema = z.object({ s: z.string().max(20).optional(), k: z.string().max(40), i: z.uuid() });

export type Keyset<K extends KeyKind> = {
  /** The cursor of a position, for the client to send back. */
  encode: (position: KeysetPosition<K>) => string;
  /** The position a client's cursor names (null without one); BAD_REQUEST when it is not one of ours for this order. */
  decode: (cursor: string | null | undefined) => KeysetPosition<K> | null;
  /** The rows after `position` in SQL, over `column` (a constant column name) and "id". */
  sql: (column: Prisma.Sql, position: KeysetPosition<K> | null) => Prisma.Sql;
  /** The same for a Prisma `where`, over the field `field` and "id". */
  where: <F extends string>(field: F, position: KeysetPosition<K> | null) => KeysetWhere<F>;
  /** The order itself in SQL: `column` then id, in the keyset's direction. */
  orderSql: (column: Prisma.Sql) => Prisma.Sql;
  /** The same for a Prisma `orderBy`. */
  orderBy: <F extends string>(field: F) => [{ [P in F]: "asc" | "desc" }, { id: "asc" | "desc" }];
  /** How many rows to ask for a page of `limit`: one more says whether another page follows. */
  take: (limit: number) => number;
  /** The page out of the rows fetched with `take(limit)`. */
  page: <R extends { id: string }>(rows: R[], limit: number, keyOf: (row: R) => KeyOf<K>) => KeysetPage<R, K>;
};

type KeysetWhere<F extends string> = {
  OR?: ({ [P in F]: { lt: Date } | { gt: Date } } | ({ [P in F]: Date } & { id: { lt: string } | { gt: string } }))[];
};

/**
 * The paging of one list order. `order` is the direction of the key (the id follows it); `sort` names
 * the order when one list has several, so that a cursor of one is refused by another; `name` and
 * `field` say in the error which cursor and which parameter were wrong.
 */
export function keyset<K extends KeyKind>({
  key,
  order,
  sort,
  name,
  field,
}: {
  key: K;
  order: "asc" | "desc";
  sort?: string;
  name: string;
  field?: string;
}): Keyset<K> {
  const text = (value: KeyOf<K>): string => (value instanceof Date ? value.toISOString() : value);
  const refuse = (message: string, cause?: unknown) => new AppError("BAD_REQUEST", message, { field, cause });
  const after = order === "desc" ? Prisma.raw("<") : Prisma.raw(">");
  const cast = key === "instant" ? Prisma.raw("timestamptz") : Prisma.raw("date");
  const encode = (position: KeysetPosition<K>) =>
    Buffer.from(JSON.stringify({ ...(sort ? { s: sort } : {}), k: text(position.key), i: position.id })).toString("base64url");

  return {
    encode,

    decode(cursor) {
      if (!cursor) return null;
      let parsed: z.infer<typeof cursorSchema>;
      try {
        parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
      } catch (error) {
        throw refuse(`Malformed ${name} cursor.`, error);
      }
      // The key goes to PostgreSQL as an instant or a date: only one it can hold (not 2024-13-45, not year 0).
      const keyIsValid = key === "instant" ? instant.safeParse(parsed.k).success : isCalendarDay(parsed.k);
      if (parsed.s !== sort || !keyIsValid) throw refuse(`The ${name} cursor does not match the order.`);
      return { key: (key === "instant" ? new Date(parsed.k) : parsed.k) as KeyOf<K>, id: parsed.i };
    },

    sql: (column, position) =>
      position ? Prisma.sql`(${column}, id) ${after} (${text(position.key)}::${cast}, ${position.id}::uuid)` : Prisma.sql`TRUE`,

    where<F extends string>(fieldName: F, position: KeysetPosition<K> | null): KeysetWhere<F> {
      if (!position) return {};
      const at = new Date(text(position.key));
      const beyond = order === "desc" ? { lt: at } : { gt: at };
      const beyondId = order === "desc" ? { lt: position.id } : { gt: position.id };
      return { OR: [{ [fieldName]: beyond }, { [fieldName]: at, id: beyondId }] } as KeysetWhere<F>;
    },

    orderSql: (column) => (order === "desc" ? Prisma.sql`${column} DESC, id DESC` : Prisma.sql`${column} ASC, id ASC`),

    orderBy: <F extends string>(fieldName: F) => [{ [fieldName]: order } as { [P in F]: "asc" | "desc" }, { id: order }],

    take: (limit) => limit + 1,

    page(rows, limit, keyOf) {
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      const next = rows.length > limit && last ? { key: keyOf(last), id: last.id } : null;
      return { items, next, nextCursor: next ? encode(next) : null };
    },
  };
}
