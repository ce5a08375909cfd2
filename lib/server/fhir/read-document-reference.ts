import "server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import type { Ctx } from "@/lib/server/context/ctx";
import type { AppAccess } from "@/lib/server/oauth/verify-access-token";
import { findAppDocument } from "./find-app-document";
import { recordAppAccessNow } from "./record-app-access";
import { toDocumentReference } from "./to-document-reference";

/** `GET DocumentReference/<id>`: one document's metadata, if the app may read it, recorded as a view. */
export async function readDocumentReference(
  { db, ip: ipAddress }: Ctx,
  { access, documentId }: { access: AppAccess; documentId: string },
): Promise<DocumentReference> {
  const { row } = await findAppDocument(db, access, documentId, "document");
  await recordAppAccessNow(db, access, {
    action: "DOCUMENT_VIEWED",
    document: { id: row.id, title: row.title },
    details: { resource: "DocumentReference" },
    ipAddress,
  });
  return toDocumentReference(row);
}
