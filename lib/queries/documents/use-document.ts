"use client";
import { useQuery } from "@tanstack/react-query";
import type { DocumentDetail } from "@/lib/vault/document-api";
import { ApiError } from "./api-error";
import { documentKeys } from "./document-keys";
import { fetchJson } from "./fetch-json";

export function useDocument(id: string) {
  return useQuery({
    queryKey: documentKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`, { signal }),
    // A missing document stays missing; retrying only delays the message.
    retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
  });
}
