import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { recordHistory } from "@/lib/server/history/record-history";
import type { DocumentDetail } from "@/lib/vault/document-api";
import { detailColumns, toDetail } from "./document-views";
import { findOwnedDocument } from "./find-owned-document";

/**
 * Moves a document into the bin (`into: true`) or back out. A binned document keeps its file and
 * its room in the quota; it is deleted for good after the bin's retention, or when the patient empties it.
 */
export async function moveDocumentToBin(
  { db, actor, ip: ipAddress }: SignedInCtx,
  { documentId, into }: { documentId: string; into: boolean },
): Promise<DocumentDetail> {
  const document = await findOwnedDocument(db, actor, documentId);
  if ((document.deletedAt !== null) === into)
    throw new AppError("CONFLICT", into ? "Document already in the bin." : "Document not in the bin.");
  const historyActor = await historyActorOf(db, actor, "PATIENT");
  const updated = await db.$transaction(async (tx) => {
    // Conditional on the state just read, so two concurrent moves cannot both record history.
    const changed = await tx.document.updateMany({
      where: { id: document.id, deletedAt: into ? null : { not: null } },
      data: { deletedAt: into ? new Date() : null },
    });
    if (changed.count !== 1) throw new AppError("CONFLICT", "Document moved concurrently.");
    await recordHistory(tx, {
      patientId: document.ownerId,
      actor: historyActor,
      action: into ? "DOCUMENT_BINNED" : "DOCUMENT_RESTORED",
      document: { id: document.id, title: document.title },
      ipAddress,
    });
    return tx.document.findUniqueOrThrow({ where: { id: document.id }, select: detailColumns });
  });
  return toDetail(updated);
}
