import "server-only";
import type { HistoryEntryView } from "@/lib/history/history-api";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { professionalsOf, toHistoryEntryView } from "./history-entry-view";

/** One entry of the patient's history (the one an alert links to); null for an id not in it. */
export async function findHistoryEntry(
  { db, actor }: SignedInCtx,
  { patientId, entryId }: { patientId: string; entryId: string },
): Promise<HistoryEntryView | null> {
  await authorizeHealth(db, actor, patientId, { kind: "history" }, "read");
  const row = await db.historyEntry.findFirst({
    where: { id: entryId, patientId },
    select: {
      id: true,
      createdAt: true,
      actorId: true,
      actorRole: true,
      actorLabel: true,
      action: true,
      documentId: true,
      documentTitle: true,
      details: true,
      ipAddress: true,
    },
  });
  return row ? toHistoryEntryView(row, await professionalsOf(db, [row])) : null;
}
