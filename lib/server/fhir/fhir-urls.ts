import "server-only";
import { FHIR_BASE_PATH } from "@/lib/fhir/fhir-paths";
import { getConfig } from "@/lib/server/config";

/** The API's absolute base, from APP_URL (never from the request's Host header, which a client sets). */
export function fhirBaseUrl(): string {
  return `${getConfig().appUrl}${FHIR_BASE_PATH}`;
}

/** Our CodeSystem for the vault's document categories (Mon espace santé's own list). */
export function documentCategorySystem(): string {
  return `${getConfig().appUrl}/fhir/CodeSystem/document-category`;
}

/** The SHA-256 of an attachment's bytes: FHIR's own `hash` is SHA-1, which we do not keep. */
export function attachmentSha256Extension(): string {
  return `${getConfig().appUrl}/fhir/StructureDefinition/attachment-sha256`;
}

/** A search URL under the base, with its parameters in a stable order. */
export function searchUrl(resourceType: string, params: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, item);
  }
  const text = query.toString();
  return `${fhirBaseUrl()}/${resourceType}${text ? `?${text}` : ""}`;
}
