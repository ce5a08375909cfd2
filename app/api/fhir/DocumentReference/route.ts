import { fhirMethodNotAllowed, fhirPreflight, fhirRoute } from "@/lib/server/fhir/fhir-route";
import { fhirJson } from "@/lib/server/fhir/fhir-response";
import { searchDocumentReferences } from "@/lib/server/fhir/search-document-references";

/** `GET DocumentReference?category=&date=&_count=`: the documents the patient shared with the app. */
export const GET = fhirRoute(async (ctx, { request, access }) =>
  fhirJson(await searchDocumentReferences(ctx, { access, params: new URL(request.url).searchParams })),
);
export const OPTIONS = fhirPreflight;
export const POST = fhirMethodNotAllowed("GET");
export const PUT = fhirMethodNotAllowed("GET");
export const PATCH = fhirMethodNotAllowed("GET");
export const DELETE = fhirMethodNotAllowed("GET");
