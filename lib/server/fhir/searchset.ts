import "server-only";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { fhirBaseUrl } from "./fhir-urls";

/**
 * A searchset Bundle: the matches of this page, the total over all pages when the search knows it
 * without counting (FHIR allows `total` to be absent), and where the next page is.
 */
export function searchset<T extends Resource & { id?: string }>({
  resources,
  total,
  self,
  next,
}: {
  resources: T[];
  total?: number;
  self: string;
  next: string | null;
}): Bundle<T> {
  return {
    resourceType: "Bundle",
    type: "searchset",
    ...(total === undefined ? {} : { total }),
    link: [{ relation: "self", url: self }, ...(next ? [{ relation: "next", url: next }] : [])],
    entry: resources.map((resource) => ({
      fullUrl: `${fhirBaseUrl()}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: "match" as const },
    })),
  };
}

/** `_count`: how many per page, 20 unless asked, never more than 100. */
export function pageSize(params: URLSearchParams, fallback = 20): number {
  const raw = params.get("_count");
  const count = raw === null ? fallback : Number.parseInt(raw, 10);
  return Number.isFinite(count) && count >= 1 ? Math.min(count, 100) : fallback;
}
