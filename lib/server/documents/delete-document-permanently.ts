import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { recordHistory, type HistoryActor } from "@/lib/server/history/record-history";
import { logger } from "@/lib/server/logger";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { findOwnedDocument } from "./find-owned-document";
import type { DocumentActionContext } from "./update-document";

/**
 * Erases a binned document: its row and history entry in one transaction, then its stored bytes
 * (the reverse of an upload, so a crash in between leaves an unreferenced blob that `vault:check`
 * removes, never a row without its file). Only from the bin: a live document is binned first.
 */
export async function deleteDocumentPermanently(db: Db, storage: BlobStorage, { actor, ipAddress }: DocumentActionContext, documentId: string): Promise<void> {
  const document = await findOwnedDocument(db, actor, documentId, "health:write-own");
  if (!document.deletedAt) throw new AppError("CONFLICT", "Only a document in the bin can be deleted for good.", { messageKey: "vault.delete.notInBin" });
  const historyActor = await historyActorOf(db, actor, "PATIENT");
  await eraseDocument(db, storage, { id: document.id, ownerId: document.ownerId, title: document.title, storageKey: document.storageKey }, { actor: historyActor, ipAddress });
}

/**
 * The erasure itself, for the patient's deletion and the bin's automatic purge. The row is deleted
 * only if it is still in the bin (a concurrent restore wins); returns whether it was erased.
 */
export async function eraseDocument(
  db: Db,
  storage: BlobStorage,
  document: { id: string; ownerId: string; title: string; storageKey: string | null },
  { actor, ipAddress, binnedBefore }: { actor: HistoryActor; ipAddress: string | null; binnedBefore?: Date },
): Promise<boolean> {
  const erased = await db.$transaction(async (tx) => {
    const deleted = await tx.document.deleteMany({ where: { id: document.id, deletedAt: binnedBefore ? { lt: binnedBefore } : { not: null } } });
    if (deleted.count !== 1) return false;
    await recordHistory(tx, { patientId: document.ownerId, actor, action: "DOCUMENT_DELETED", document: { id: document.id, title: document.title }, ipAddress });
    return true;
  });
  if (erased && document.storageKey) {
    await storage.delete(document.storageKey).catch((error: unknown) => {
      // The row is gone: the blob is now an orphan, which vault:check removes.
      logger.error({ event: "vault.delete.blobLeft", documentId: document.id, err: error }, "Could not delete an erased document's blob.");
    });
  }
  return erased;
}
