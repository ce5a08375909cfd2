import "server-only";
import { z } from "zod";
import { instant, isCalendarDay } from "@/lib/schemas/boundary";
import { AppError } from "@/lib/server/errors";
import type { DocumentSort } from "@/lib/vault/document-api";

/** Where a page ended: the sort key of its last row and that row's id (the tie-breaker). */
export type DocumentCursor = { sort: DocumentSort; key: string; id: string };

const cursorSchema = z.object({ s: z.enum(["date_desc", "date_asc", "added_desc"]), k: z.string().max(40), i: z.uuid() });

export function encodeCursor(cursor: DocumentCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, i: cursor.id })).toString("base64url");
}

/** A cursor from another sort, or forged, is refused rather than silently misread. */
export function decodeCursor(value: string, sort: DocumentSort): DocumentCursor {
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch (error) {
    throw new AppError("BAD_REQUEST", "Malformed document cursor.", { cause: error });
  }
  // The key goes to PostgreSQL as a date or an instant: only one it can hold (not 2024-13-45, not year 0).
  const keyIsValid = parsed.s === "added_desc" ? instant.safeParse(parsed.k).success : isCalendarDay(parsed.k);
  if (parsed.s !== sort || !keyIsValid) throw new AppError("BAD_REQUEST", "Document cursor does not match the sort.");
  return { sort: parsed.s, key: parsed.k, id: parsed.i };
}
