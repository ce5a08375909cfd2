import "server-only";
import { historyActorForAccess } from "@/lib/server/access/access-history";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { recordKindSchema, type RecordFieldsInput, type RecordKind } from "@/lib/schemas/record-entry";
import { parseRecordFields } from "./parse-record-fields";
import { uuid } from "@/lib/schemas/boundary";
import { checkDirectiveDocument } from "./check-directive-document";
import { recordTable } from "./record-tables";
import { writeRecordHistory } from "./write-record-history";

/**
 * Adds an entry to a patient's profile, marked as its author's: the patient, or a professional whose
 * access lets them add (decide-health-access.ts). The author's name is copied as it is now, so the
 * entry keeps saying who wrote it. The entry and its history entry commit together.
 */
export async function addRecordEntry<K extends RecordKind>(
  ctx: SignedInCtx,
  input: { patientId: string; kind: K; fields: RecordFieldsInput<K> },
): Promise<{ id: string }> {
  const { db, actor } = ctx;
  const patientId = uuid.parse(input.patientId);
  const fields = parseRecordFields(recordKindSchema.parse(input.kind), input.fields);
  const access = await authorizeHealth(db, actor, patientId, { kind: "recordEntries" }, "add");
  if (input.kind === "directive") await checkDirectiveDocument(db, patientId, (fields as { documentId: string | null }).documentId);
  const author = await historyActorForAccess(db, actor, access);

  const { id, messageId } = await db.$transaction(async (tx) => {
    const created = await recordTable(tx, input.kind).create({
      data: {
        ...fields,
        ...dates(fields),
        patientId,
        authorKind: access.basis === "OWNER" ? "PATIENT" : "PROFESSIONAL",
        authorUserId: actor.userId,
        authorLabel: author.label,
      },
      select: { id: true },
    });
    const { messageId } = await writeRecordHistory(
      tx,
      { access, author, ip: ctx.ip },
      {
        action: "RECORD_ENTRY_ADDED",
        kind: input.kind,
        entryId: created.id,
      },
    );
    return { id: created.id, messageId };
  });
  if (messageId) afterCommitDeliver(messageId);
  return { id };
}

const DATE_FIELDS = ["onsetDate", "startDate", "endDate", "date", "directiveDate"] as const;

/** The schemas keep days as "YYYY-MM-DD"; the tables' DATE columns take them as midnight UTC. */
export function dates(fields: object): Record<string, Date | null> {
  const out: Record<string, Date | null> = {};
  for (const field of DATE_FIELDS) {
    if (!(field in fields)) continue;
    const value = (fields as Record<string, string | null>)[field];
    out[field] = value ? new Date(`${value}T00:00:00Z`) : null;
  }
  return out;
}
