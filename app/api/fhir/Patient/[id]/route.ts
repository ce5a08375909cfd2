import { fhirMethodNotAllowed, fhirPreflight, fhirRoute } from "@/lib/server/fhir/fhir-route";
import { fhirJson } from "@/lib/server/fhir/fhir-response";
import { readFhirPatient } from "@/lib/server/fhir/read-fhir-patient";

/** `GET Patient/<id>`: only the token's patient; any other id is not found. */
export const GET = fhirRoute<{ id: string }>(async (ctx, { access, params: { id } }) =>
  fhirJson(await readFhirPatient(ctx, { access, patientId: id })),
);
export const OPTIONS = fhirPreflight;
export const POST = fhirMethodNotAllowed("GET");
export const PUT = fhirMethodNotAllowed("GET");
export const PATCH = fhirMethodNotAllowed("GET");
export const DELETE = fhirMethodNotAllowed("GET");
