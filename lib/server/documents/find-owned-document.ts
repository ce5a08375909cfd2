import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { authorize, can, type Actor, type Permission } from "@/lib/server/policy/policy";
import { detailColumns } from "./document-views";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A document the actor may act on with `permission`, or NOT_FOUND: someone else's document is
 * indistinguishable from one that does not exist, so ids cannot be probed. A session without its
 * second factor gets UNAUTHENTICATED before anything is read.
 */
export async function findOwnedDocument(db: Pick<Db, "document">, actor: Actor, documentId: string, permission: Extract<Permission, "health:read-own" | "health:write-own">) {
  if (!actor || actor.stage !== "FULL") authorize(actor, permission);
  if (!UUID.test(documentId)) throw new AppError("NOT_FOUND");
  const document = await db.document.findUnique({ where: { id: documentId }, select: { ...detailColumns, storageKey: true, wrappedKey: true } });
  if (!document || !can(actor, permission, { ownerId: document.ownerId })) throw new AppError("NOT_FOUND");
  return document;
}
