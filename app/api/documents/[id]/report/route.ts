import { NextResponse } from "next/server";
import { reportDocument } from "@/lib/server/documents/report-document";
import { jsonRoute, readJson } from "@/lib/server/http/json-route";
import { documentReportSchema } from "@/lib/vault/document-api";

export const POST = jsonRoute<{ id: string }>(async (ctx, { request, params: { id } }) =>
  NextResponse.json(await reportDocument(ctx, { ...(await readJson(request, documentReportSchema)), documentId: id }), {
    status: 201,
    headers: { "Cache-Control": "no-store" },
  }),
);
