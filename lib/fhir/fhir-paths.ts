/** The FHIR API's base path, under the app's URL. */
export const FHIR_BASE_PATH = "/api/fhir";

/**
 * The paths where the FHIR API serves a document's bytes: the proxy gives them the same sandbox CSP
 * as the vault's own file route, so a hostile file opened on its own can run nothing in the app's origin.
 */
export const FHIR_BINARY_PATH = /^\/api\/fhir\/Binary\/[^/]+$/;
