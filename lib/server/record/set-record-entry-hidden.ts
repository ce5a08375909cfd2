import "server-only";
import { historyActorForAccess } from "@/lib/server/access/access-history";
import { z } from "zod";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { recordEntryRefSchema, type RecordKind } from "@/lib/schemas/record-entry";
import { findRecordEntry } from "./find-record-entry";
import { recordTable } from "./record-tables";
import { writeRecordHistory } from "./write-record-history";

const inputSchema = recordEntryRefSchema.extend({ hidden: z.boolean() });

/**
 * Hides an entry from professionals, or shows it again: the patient's alone, whoever wrote it (as for
 * documents). Setting what is already set writes nothing, so the history holds only real changes.
 */
export async function setRecordEntryHidden(ctx: SignedInCtx, input: { kind: RecordKind; entryId: string; hidden: boolean }): Promise<void> {
  const { db, actor } = ctx;
  const { kind, entryId, hidden } = inputSchema.parse(input);
  const { entry, access } = await findRecordEntry(db, actor, { kind, entryId }, "manage");
  const author = await historyActorForAccess(db, actor, access);
  if (entry.hiddenFromProfessionals === hidden) return;
  await db.$transaction(async (tx) => {
    await recordTable(tx, kind).update({ where: { id: entry.id }, data: { hiddenFromProfessionals: hidden }, select: { id: true } });
    await writeRecordHistory(
      tx,
      { access, author, ip: ctx.ip },
      {
        action: hidden ? "RECORD_ENTRY_HIDDEN" : "RECORD_ENTRY_UNHIDDEN",
        kind,
        entryId: entry.id,
      },
    );
  });
}
