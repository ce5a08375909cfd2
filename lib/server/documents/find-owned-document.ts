import "server-only";
import { authorizeHealth, type AllowedAccess } from "@/lib/server/access/authorize-health";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";
import { detailColumns } from "./document-views";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reading the metadata, opening the file in the page, downloading it, or managing it (the patient's alone). */
export type DocumentUse = "read" | "download" | "manage";

/**
 * A document `actor` may use as asked, with the basis the authorization module allowed it on, or
 * NOT_FOUND: a document one may not see is indistinguishable from one that does not exist, so ids
 * cannot be probed. A session without its second factor gets UNAUTHENTICATED before anything is read.
 */
export async function findDocumentFor(db: Db, actor: Actor, documentId: string, use: DocumentUse) {
  if (!actor || actor.stage !== "FULL") throw new AppError("UNAUTHENTICATED");
  if (!UUID.test(documentId)) throw new AppError("NOT_FOUND");
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { ...detailColumns, storageKey: true, wrappedKey: true },
  });
  if (!document) throw new AppError("NOT_FOUND");
  const access: AllowedAccess = await authorizeHealth(
    db,
    actor,
    document.ownerId,
    { kind: use === "download" ? "download" : "document", document },
    use === "manage" ? "manage" : "read",
  );
  return { document, access };
}

/** The patient's own document, for their vault pages and changes: anyone else gets NOT_FOUND. */
export async function findOwnedDocument(db: Db, actor: Actor, documentId: string) {
  return (await findDocumentFor(db, actor, documentId, "manage")).document;
}
