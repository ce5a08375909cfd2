import { jsonRoute, readJson } from "@/lib/server/http/json-route";
import { findPatientForProfessional, findPatientSchema } from "@/lib/server/professional/find-patient";

/** A professional finds a patient by identifier (NIR or space code) and birth date. POST: never in a URL. */
export const POST = jsonRoute(async (ctx, { request }) => findPatientForProfessional(ctx, await readJson(request, findPatientSchema)));
