import { fhirMethodNotAllowed, fhirPreflight, fhirRoute } from "@/lib/server/fhir/fhir-route";
import { fhirJson } from "@/lib/server/fhir/fhir-response";
import { readDocumentReference } from "@/lib/server/fhir/read-document-reference";

/** `GET DocumentReference/<id>`: one shared document's metadata; anything else is not found. */
export const GET = fhirRoute<{ id: string }>(async (ctx, { access, params: { id } }) =>
  fhirJson(await readDocumentReference(ctx, { access, documentId: id })),
);
export const OPTIONS = fhirPreflight;
export const POST = fhirMethodNotAllowed("GET");
export const PUT = fhirMethodNotAllowed("GET");
export const PATCH = fhirMethodNotAllowed("GET");
export const DELETE = fhirMethodNotAllowed("GET");
