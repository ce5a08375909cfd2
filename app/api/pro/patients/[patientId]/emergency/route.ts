import { NextResponse } from "next/server";
import { z } from "zod";
import { jsonRoute, readJson } from "@/lib/server/http/json-route";
import { breakGlass } from "@/lib/server/professional/break-glass";

/** "Bris de glace": the reason is checked by the service, so that a short one gets its own message. */
export const POST = jsonRoute<{ patientId: string }>(async (ctx, { request, params: { patientId } }) =>
  NextResponse.json(await breakGlass(ctx, { patientId, ...(await readJson(request, z.object({ reason: z.string().max(2000) }))) }), {
    status: 201,
    headers: { "Cache-Control": "no-store" },
  }),
);
