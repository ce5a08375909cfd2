import { getDb } from "@/lib/server/db";
import { deleteDocumentPermanently } from "@/lib/server/documents/delete-document-permanently";
import { toDetail } from "@/lib/server/documents/document-views";
import { findOwnedDocument } from "@/lib/server/documents/find-owned-document";
import { updateDocument } from "@/lib/server/documents/update-document";
import { jsonRoute, readJson } from "@/lib/server/http/json-route";
import { getStorage } from "@/lib/server/storage/get-storage";
import { documentPatchSchema } from "@/lib/vault/document-api";

type Params = { id: string };

/** One of the patient's documents (metadata; the file is at ./file). */
export const GET = jsonRoute<Params>(async ({ actor }, { params: { id } }) => toDetail(await findOwnedDocument(getDb(), actor, id)));

export const PATCH = jsonRoute<Params>(async ({ actor, ip: ipAddress }, { request, params: { id } }) =>
  updateDocument(getDb(), { actor, ipAddress }, id, await readJson(request, documentPatchSchema)),
);

/** Deletes for good a document that is in the bin. */
export const DELETE = jsonRoute<Params>(async ({ actor, ip: ipAddress }, { params: { id } }) => {
  await deleteDocumentPermanently(getDb(), getStorage(), { actor, ipAddress }, id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
