import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/server/db";
import { jsonRoute, readJson } from "@/lib/server/http/json-route";
import { breakGlass } from "@/lib/server/professional/break-glass";

/** "Bris de glace": the reason is checked by the service, so that a short one gets its own message. */
export const POST = jsonRoute<{ patientId: string }>(async ({ actor, ip: ipAddress }, { request, params: { patientId } }) =>
  NextResponse.json(
    await breakGlass(getDb(), actor, patientId, await readJson(request, z.object({ reason: z.string().max(2000) })), { ipAddress }),
    {
      status: 201,
      headers: { "Cache-Control": "no-store" },
    },
  ),
);
