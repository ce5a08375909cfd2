import { fhirMethodNotAllowed, fhirPreflight, fhirRoute } from "@/lib/server/fhir/fhir-route";
import { fhirJson } from "@/lib/server/fhir/fhir-response";
import { searchFhirPatients } from "@/lib/server/fhir/read-fhir-patient";

/** `GET Patient`: the token's patient, as a searchset of one. */
export const GET = fhirRoute(async (ctx, { request, access }) =>
  fhirJson(await searchFhirPatients(ctx, { access, params: new URL(request.url).searchParams })),
);
export const OPTIONS = fhirPreflight;
export const POST = fhirMethodNotAllowed("GET");
export const PUT = fhirMethodNotAllowed("GET");
export const PATCH = fhirMethodNotAllowed("GET");
export const DELETE = fhirMethodNotAllowed("GET");
