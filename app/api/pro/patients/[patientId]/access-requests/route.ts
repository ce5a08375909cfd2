import { NextResponse } from "next/server";
import { getDb } from "@/lib/server/db";
import { jsonRoute, readJson } from "@/lib/server/http/json-route";
import { accessRequestSchema, requestAccess } from "@/lib/server/professional/request-access";

export const POST = jsonRoute<{ patientId: string }>(async ({ actor, ip: ipAddress }, { request, params: { patientId } }) =>
  NextResponse.json(await requestAccess(getDb(), actor, patientId, await readJson(request, accessRequestSchema), { ipAddress }), {
    status: 201,
    headers: { "Cache-Control": "no-store" },
  }),
);
