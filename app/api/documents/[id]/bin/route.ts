import { moveDocumentToBin } from "@/lib/server/documents/bin-document";
import { jsonRoute } from "@/lib/server/http/json-route";

export const POST = jsonRoute<{ id: string }>(async (ctx, { params: { id } }) => moveDocumentToBin(ctx, { documentId: id, into: true }));
