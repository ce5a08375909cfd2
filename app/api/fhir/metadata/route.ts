import { capabilityStatement } from "@/lib/server/fhir/capability-statement";
import { fhirMethodNotAllowed, fhirPreflight, publicFhirRoute } from "@/lib/server/fhir/fhir-route";
import { fhirJson } from "@/lib/server/fhir/fhir-response";

/** The CapabilityStatement: public, so a client can discover the API and its OAuth endpoints. */
export const GET = publicFhirRoute(async () => fhirJson(capabilityStatement()));
export const OPTIONS = fhirPreflight;
export const POST = fhirMethodNotAllowed("GET");
export const PUT = fhirMethodNotAllowed("GET");
export const PATCH = fhirMethodNotAllowed("GET");
export const DELETE = fhirMethodNotAllowed("GET");
