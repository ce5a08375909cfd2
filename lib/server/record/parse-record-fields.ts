import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { recordFieldSchemas, type RecordFields, type RecordKind } from "@/lib/schemas/record-entry";

/**
 * A kind's fields through its schema. A refusal becomes a BAD_REQUEST naming the first wrong field with
 * the schema's own message key (record.errors.*), so a form shows the reason beside the field, in the
 * reader's language, whichever entry point called.
 */
export function parseRecordFields<K extends RecordKind>(kind: K, fields: unknown): RecordFields<K> {
  const parsed = (recordFieldSchemas[kind] as z.ZodType).safeParse(fields);
  if (parsed.success) return parsed.data as RecordFields<K>;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? "form");
  throw new AppError("BAD_REQUEST", `Invalid record entry (${field}).`, {
    field,
    messageKey: issue.message.startsWith("record.errors.") ? issue.message : undefined,
    cause: parsed.error,
  });
}
