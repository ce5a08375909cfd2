"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ApiError } from "@/lib/queries/documents/api-error";
import { fetchJson } from "@/lib/queries/documents/fetch-json";
import type { DocumentListQuery, DocumentPage } from "@/lib/vault/document-api";
import { proKeys, proPatientUrl } from "./pro-keys";

function patientDocumentsUrl(patientId: string, query: DocumentListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return `${proPatientUrl(patientId, "documents")}?${params}`;
}

/** The patient's documents this professional may see, page by page (same query and answer as the patient's list). */
export function usePatientDocuments(patientId: string, query: Omit<DocumentListQuery, "cursor">) {
  return useInfiniteQuery({
    queryKey: proKeys.documentList(patientId, query),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<DocumentPage>(patientDocumentsUrl(patientId, { ...query, cursor: pageParam ?? undefined }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A refusal (access revoked meanwhile) is an answer, not a glitch to retry.
    retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
  });
}
