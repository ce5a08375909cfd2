import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { purgeBinnedDocument } from "@/lib/server/vault/check/purge-binned-document";
import { findOwnedDocument } from "./find-owned-document";

/**
 * Erases a binned document at the patient's request: its row and history entry in one transaction,
 * then its stored bytes (purgeBinnedDocument, shared with the bin's automatic purge). Only from the
 * bin: a live document is binned first.
 */
export async function deleteDocumentPermanently(ctx: SignedInCtx, { documentId }: { documentId: string }): Promise<void> {
  const { db, actor } = ctx;
  const document = await findOwnedDocument(db, actor, documentId);
  if (!document.deletedAt)
    throw new AppError("CONFLICT", "Only a document in the bin can be deleted for good.", { messageKey: "vault.delete.notInBin" });
  const historyActor = await historyActorOf(db, actor, "PATIENT");
  const result = await purgeBinnedDocument(ctx, { documentId: document.id, actor: historyActor });
  // Restored, or being erased by the automatic purge, in the meantime.
  if (!result.purged) throw new AppError("CONFLICT", "Document changed while being deleted.");
}
