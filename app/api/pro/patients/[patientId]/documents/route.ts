import { AppError } from "@/lib/server/errors";
import { jsonRoute } from "@/lib/server/http/json-route";
import { listPatientDocumentsForProfessional } from "@/lib/server/professional/list-patient-documents";
import { documentListQuerySchema } from "@/lib/vault/document-api";

/** The patient's documents this professional may see; same query and answer as GET /api/documents. */
export const GET = jsonRoute<{ patientId: string }>(async (ctx, { request, params: { patientId } }) => {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const query = documentListQuerySchema.safeParse(params);
  if (!query.success)
    throw new AppError("BAD_REQUEST", "Invalid document list query.", { field: String(query.error.issues[0]?.path[0] ?? "") });
  return listPatientDocumentsForProfessional(ctx, { patientId, query: query.data });
});
