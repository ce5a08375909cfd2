import { bulkUpdateDocuments } from "@/lib/server/documents/bulk-update-documents";
import { jsonRoute, readJson } from "@/lib/server/http/json-route";
import { documentBulkSchema } from "@/lib/vault/document-api";

/** One change (category, visibility, bin, restore) to several of the patient's documents at once. */
export const POST = jsonRoute(async (ctx, { request }) => bulkUpdateDocuments(ctx, await readJson(request, documentBulkSchema)));
