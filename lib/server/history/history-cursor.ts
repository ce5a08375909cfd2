import "server-only";
import { z } from "zod";
import { instant } from "@/lib/schemas/boundary";
import { AppError } from "@/lib/server/errors";

/** Where a page of the history ended: the last row's instant and id (the tie-breaker). */
export type HistoryCursor = { createdAt: Date; id: string };

const cursorSchema = z.object({ k: instant, i: z.uuid() });

export function encodeHistoryCursor(cursor: HistoryCursor): string {
  return Buffer.from(JSON.stringify({ k: cursor.createdAt.toISOString(), i: cursor.id })).toString("base64url");
}

/** A forged or damaged cursor is refused rather than silently misread. */
export function decodeHistoryCursor(value: string): HistoryCursor {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return { createdAt: new Date(parsed.k), id: parsed.i };
  } catch (error) {
    throw new AppError("BAD_REQUEST", "Malformed history cursor.", { cause: error });
  }
}
