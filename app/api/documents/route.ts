import { listDocuments } from "@/lib/server/documents/list-documents";
import { AppError } from "@/lib/server/errors";
import { jsonRoute } from "@/lib/server/http/json-route";
import { documentListQuerySchema } from "@/lib/vault/document-api";

/** A page of the signed-in patient's documents: filters, search and keyset cursor in the query string. */
export const GET = jsonRoute(async (ctx, { request }) => {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const query = documentListQuerySchema.safeParse(params);
  if (!query.success)
    throw new AppError("BAD_REQUEST", "Invalid document list query.", { field: String(query.error.issues[0]?.path[0] ?? "") });
  return listDocuments(ctx, { ownerId: ctx.actor.userId, query: query.data });
});
