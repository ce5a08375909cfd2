import "server-only";
import { historyActorForAccess } from "@/lib/server/access/access-history";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { recordEntryRefSchema, type RecordFieldsInput, type RecordKind } from "@/lib/schemas/record-entry";
import { parseRecordFields } from "./parse-record-fields";
import { dates } from "./add-record-entry";
import { checkDirectiveDocument } from "./check-directive-document";
import { findRecordEntry } from "./find-record-entry";
import { recordTable } from "./record-tables";
import { writeRecordHistory } from "./write-record-history";

/** Rewrites an entry's fields, by its author only (an entry must keep saying only what its author said). */
export async function editRecordEntry<K extends RecordKind>(
  ctx: SignedInCtx,
  input: { kind: K; entryId: string; fields: RecordFieldsInput<K> },
): Promise<{ id: string }> {
  const { db, actor } = ctx;
  const { kind, entryId } = recordEntryRefSchema.parse(input);
  const fields = parseRecordFields(input.kind, input.fields);
  const { entry, access } = await findRecordEntry(db, actor, { kind, entryId }, "add");
  const author = await historyActorForAccess(db, actor, access);
  if (kind === "directive") await checkDirectiveDocument(db, entry.patientId, (fields as { documentId: string | null }).documentId);

  const { messageId } = await db.$transaction(async (tx) => {
    await recordTable(tx, kind).update({ where: { id: entry.id }, data: { ...fields, ...dates(fields) }, select: { id: true } });
    return writeRecordHistory(tx, { access, author, ip: ctx.ip }, { action: "RECORD_ENTRY_EDITED", kind, entryId: entry.id });
  });
  if (messageId) afterCommitDeliver(messageId);
  return { id: entry.id };
}
