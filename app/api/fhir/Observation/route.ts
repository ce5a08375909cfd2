import { createObservation } from "@/lib/server/fhir/create-observation";
import { fhirMethodNotAllowed, fhirPreflight, fhirRoute } from "@/lib/server/fhir/fhir-route";
import { fhirJson } from "@/lib/server/fhir/fhir-response";
import { fhirBaseUrl } from "@/lib/server/fhir/fhir-urls";
import { readFhirBody } from "@/lib/server/fhir/read-fhir-body";
import { searchObservations } from "@/lib/server/fhir/search-observations";

/** `GET Observation`: the patient's measurements. */
export const GET = fhirRoute(async (ctx, { request, access }) =>
  fhirJson(await searchObservations(ctx, { access, params: new URL(request.url).searchParams })),
);

/** `POST Observation`: one measurement from the app; 201 with its Location and the stored resource. */
export const POST = fhirRoute(async (ctx, { request, access }) => {
  const observation = await createObservation(ctx, { access, body: await readFhirBody(request) });
  return fhirJson(observation, { status: 201, headers: { Location: `${fhirBaseUrl()}/Observation/${observation.id}`, ETag: 'W/"1"' } });
});
export const OPTIONS = fhirPreflight;
export const PUT = fhirMethodNotAllowed("GET, POST");
export const PATCH = fhirMethodNotAllowed("GET, POST");
export const DELETE = fhirMethodNotAllowed("GET, POST");
