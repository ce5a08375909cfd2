"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { DocumentListQuery, DocumentPage } from "@/lib/vault/document-api";
import { documentKeys } from "./document-keys";
import { fetchJson } from "./fetch-json";

export function documentListUrl(query: DocumentListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return `/api/documents?${params}`;
}

/** The list (or the bin) page by page, following the server's keyset cursor. */
export function useDocumentList(query: Omit<DocumentListQuery, "cursor">) {
  return useInfiniteQuery({
    queryKey: documentKeys.list(query),
    queryFn: ({ pageParam, signal }) => fetchJson<DocumentPage>(documentListUrl({ ...query, cursor: pageParam ?? undefined }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
