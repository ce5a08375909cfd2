import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import { recordHistory, type HistoryActor } from "@/lib/server/history/record-history";

/** Who the history shows when the bin empties itself after its retention period. */
export const AUTOMATIC_BIN_PURGE_ACTOR: HistoryActor = { userId: null, role: null, label: "Suppression automatique (corbeille)" };

export type PurgeBinnedDocumentInput = {
  documentId: string;
  /** Only a document put in the bin before this instant (the retention cut-off); any binned one if absent. */
  binnedBefore?: Date;
  /** Who the history names: the patient erasing it, or the automatic purge. */
  actor?: HistoryActor;
};

export type PurgeBinnedDocumentResult =
  | { purged: true; storageKey: string | null; blobDeleted: boolean }
  /** Not in the bin (restored, or never binned), too recent, already gone, or being purged by another instance. */
  | { purged: false };

/**
 * Permanently deletes one document that is in the bin: the row goes in one transaction that also
 * appends DOCUMENT_DELETED to the patient's history, then the blob goes after the commit (the storage
 * contract's order: a crash in between leaves an unreferenced blob, which vault:check removes, never a
 * row without its file). Erasing the row erases the wrapped data key, so even a blob that survives
 * (a failed delete, a backup) no longer decrypts.
 *
 * Safe with several app instances purging at once: the row is claimed with `FOR UPDATE SKIP LOCKED`
 * and re-checked as binned (and old enough) under that lock, so exactly one instance deletes it and
 * the others skip it; a restore racing with the purge either commits first (the row no longer
 * matches) or waits for the purge and then finds nothing to restore.
 *
 * The history table is append-only and has no foreign key, so its entries about this document stay;
 * DocumentReport.documentId becomes NULL (ON DELETE SET NULL), keeping support's reports.
 */
export async function purgeBinnedDocument(
  { db, storage, ip: ipAddress, log }: Ctx,
  { documentId, binnedBefore, actor = AUTOMATIC_BIN_PURGE_ACTOR }: PurgeBinnedDocumentInput,
): Promise<PurgeBinnedDocumentResult> {
  const claimed = await db.$transaction(async (tx) => {
    const rows = binnedBefore
      ? await tx.$queryRaw<ClaimedRow[]>`
          SELECT "id", "ownerId", "title", "storageKey" FROM "Document"
          WHERE "id" = ${documentId}::uuid AND "deletedAt" IS NOT NULL AND "deletedAt" < ${binnedBefore}
          FOR UPDATE SKIP LOCKED`
      : await tx.$queryRaw<ClaimedRow[]>`
          SELECT "id", "ownerId", "title", "storageKey" FROM "Document"
          WHERE "id" = ${documentId}::uuid AND "deletedAt" IS NOT NULL
          FOR UPDATE SKIP LOCKED`;
    const row = rows[0];
    if (!row) return null;
    await recordHistory(tx, {
      patientId: row.ownerId,
      actor,
      action: "DOCUMENT_DELETED",
      document: { id: row.id, title: row.title },
      ipAddress,
    });
    await tx.document.delete({ where: { id: row.id }, select: { id: true } });
    return row;
  });
  if (!claimed) return { purged: false };

  let blobDeleted = false;
  if (claimed.storageKey) {
    try {
      await storage.delete(claimed.storageKey);
      blobDeleted = true;
    } catch (error) {
      // The row is gone and its key with it: the blob is unreadable and vault:check removes it later.
      log.warn(
        {
          event: "vault.purge.blobLeft",
          documentId,
          storageKey: claimed.storageKey,
          errorName: error instanceof Error ? error.name : "unknown",
        },
        "Blob of a purged document not deleted.",
      );
    }
  }
  log.info({ event: "vault.purge.deleted", documentId, ownerId: claimed.ownerId }, "Binned document permanently deleted.");
  return { purged: true, storageKey: claimed.storageKey, blobDeleted };
}

type ClaimedRow = { id: string; ownerId: string; title: string; storageKey: string | null };
