import { deleteDocumentPermanently } from "@/lib/server/documents/delete-document-permanently";
import { toDetail } from "@/lib/server/documents/document-views";
import { findOwnedDocument } from "@/lib/server/documents/find-owned-document";
import { updateDocument } from "@/lib/server/documents/update-document";
import { jsonRoute, readJson } from "@/lib/server/http/json-route";
import { documentPatchSchema } from "@/lib/vault/document-api";

type Params = { id: string };

/** One of the patient's documents (metadata; the file is at ./file). */
export const GET = jsonRoute<Params>(async ({ db, actor }, { params: { id } }) => toDetail(await findOwnedDocument(db, actor, id)));

export const PATCH = jsonRoute<Params>(async (ctx, { request, params: { id } }) =>
  updateDocument(ctx, { ...(await readJson(request, documentPatchSchema)), documentId: id }),
);

/** Deletes for good a document that is in the bin. */
export const DELETE = jsonRoute<Params>(async (ctx, { params: { id } }) => {
  await deleteDocumentPermanently(ctx, { documentId: id });
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
