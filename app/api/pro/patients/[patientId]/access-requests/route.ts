import { NextResponse } from "next/server";
import { jsonRoute, readJson } from "@/lib/server/http/json-route";
import { accessRequestSchema, requestAccess } from "@/lib/server/professional/request-access";

export const POST = jsonRoute<{ patientId: string }>(async (ctx, { request, params: { patientId } }) =>
  NextResponse.json(await requestAccess(ctx, { patientId, ...(await readJson(request, accessRequestSchema)) }), {
    status: 201,
    headers: { "Cache-Control": "no-store" },
  }),
);
