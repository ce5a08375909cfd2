import { jsonRoute } from "@/lib/server/http/json-route";
import { patientForProfessional } from "@/lib/server/professional/patient-for-professional";

/** Who the patient is, and what this professional may do for them now. */
export const GET = jsonRoute<{ patientId: string }>(async (ctx, { params: { patientId } }) => patientForProfessional(ctx, { patientId }));
