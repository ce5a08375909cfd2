import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { findOwnedDocument } from "./find-owned-document";

/** Pins or unpins one of the owner's documents. Someone else's document id is simply not found. */
export async function setDocumentPinned({ db, actor }: SignedInCtx, { documentId, pinned }: { documentId: string; pinned: boolean }) {
  const document = await findOwnedDocument(db, actor, documentId);
  await db.document.update({ where: { id: document.id }, data: { pinned }, select: { id: true } });
}
