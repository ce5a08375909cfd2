import "server-only";
import { accessDetails, historyActorForAccess } from "@/lib/server/access/access-history";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import { recordProfessionalAccessNow } from "@/lib/server/access/record-professional-access";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { listDocumentsWithAccess } from "@/lib/server/documents/list-documents";
import type { DocumentListQuery, DocumentPage } from "@/lib/vault/document-api";

/**
 * The patient's documents a professional may see (never hidden ones, only what the consent covers),
 * the same list and filters as the patient's. Each view of the list is in the patient's history.
 */
export async function listPatientDocumentsForProfessional(
  ctx: SignedInCtx,
  { patientId, query }: { patientId: string; query: DocumentListQuery },
): Promise<DocumentPage> {
  const { db, actor, ip: ipAddress } = ctx;
  const access = await authorizeHealth(db, actor, patientId, { kind: "documentList" }, "read");
  const page = await listDocumentsWithAccess(ctx, { ownerId: patientId, query: { ...query, bin: undefined }, access });
  if (access.basis !== "OWNER" && !query.cursor) {
    // The first page is the view; "load more" is the same look at the list.
    const historyActor = await historyActorForAccess(db, actor, access);
    await recordProfessionalAccessNow(db, {
      patientId,
      actor: historyActor,
      action: "DOCUMENT_LIST_VIEWED",
      details: accessDetails(access),
      ipAddress,
    });
  }
  return page;
}
