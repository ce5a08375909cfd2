import "server-only";
import { historyActorForAccess } from "@/lib/server/access/access-history";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { recordEntryRefSchema, type RecordKind } from "@/lib/schemas/record-entry";
import { findRecordEntry } from "./find-record-entry";
import { recordTable } from "./record-tables";
import { writeRecordHistory } from "./write-record-history";

/**
 * Deletes an entry, by its author only. The history keeps that it existed (kind and id, never its
 * content); the patient who wants a professional's or an app's entry out of sight hides it instead.
 */
export async function deleteRecordEntry(ctx: SignedInCtx, input: { kind: RecordKind; entryId: string }): Promise<void> {
  const { db, actor } = ctx;
  const { kind, entryId } = recordEntryRefSchema.parse(input);
  const { entry, access } = await findRecordEntry(db, actor, { kind, entryId }, "add");
  const author = await historyActorForAccess(db, actor, access);
  const { messageId } = await db.$transaction(async (tx) => {
    await recordTable(tx, kind).delete({ where: { id: entry.id }, select: { id: true } });
    return writeRecordHistory(tx, { access, author, ip: ctx.ip }, { action: "RECORD_ENTRY_DELETED", kind, entryId: entry.id });
  });
  if (messageId) afterCommitDeliver(messageId);
}
