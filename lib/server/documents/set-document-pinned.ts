import "server-only";
import type { Db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/policy/policy";
import { findOwnedDocument } from "./find-owned-document";

/** Pins or unpins one of the owner's documents. Someone else's document id is simply not found. */
export async function setDocumentPinned(db: Db, { actor, documentId, pinned }: { actor: Actor; documentId: string; pinned: boolean }) {
  const document = await findOwnedDocument(db, actor, documentId);
  await db.document.update({ where: { id: document.id }, data: { pinned }, select: { id: true } });
}
