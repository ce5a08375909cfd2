import { fhirMethodNotAllowed, fhirPreflight, fhirRoute } from "@/lib/server/fhir/fhir-route";
import { fhirJson } from "@/lib/server/fhir/fhir-response";
import { readObservation } from "@/lib/server/fhir/search-observations";

/** `GET Observation/<id>`: one of the patient's measurements (where a create's Location points). */
export const GET = fhirRoute<{ id: string }>(async (ctx, { access, params: { id } }) =>
  fhirJson(await readObservation(ctx, { access, id })),
);
export const OPTIONS = fhirPreflight;
export const POST = fhirMethodNotAllowed("GET");
export const PUT = fhirMethodNotAllowed("GET");
export const PATCH = fhirMethodNotAllowed("GET");
export const DELETE = fhirMethodNotAllowed("GET");
