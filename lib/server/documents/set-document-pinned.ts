import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { authorize, type Actor } from "@/lib/server/policy/policy";

/** Pins or unpins one of the owner's documents. Someone else's document id is simply not found. */
export async function setDocumentPinned(db: Pick<Db, "document">, { actor, documentId, pinned }: { actor: Actor; documentId: string; pinned: boolean }) {
  const document = await db.document.findUnique({ where: { id: documentId }, select: { ownerId: true } });
  if (!document) throw new AppError("NOT_FOUND");
  authorize(actor, "health:write-own", { ownerId: document.ownerId });
  await db.document.update({ where: { id: documentId }, data: { pinned }, select: { id: true } });
}
