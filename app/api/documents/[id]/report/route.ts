import { NextResponse } from "next/server";
import { getDb } from "@/lib/server/db";
import { reportDocument } from "@/lib/server/documents/report-document";
import { jsonRoute, readJson } from "@/lib/server/http/json-route";
import { documentReportSchema } from "@/lib/vault/document-api";

export const POST = jsonRoute<{ id: string }>(async ({ actor, ip: ipAddress }, { request, params: { id } }) =>
  NextResponse.json(await reportDocument(getDb(), { actor, ipAddress }, id, await readJson(request, documentReportSchema)), {
    status: 201,
    headers: { "Cache-Control": "no-store" },
  }),
);
