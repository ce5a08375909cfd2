"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { HistoryFilters, HistoryListQuery, HistoryPage } from "@/lib/history/history-api";
import { fetchJson } from "@/lib/queries/documents/fetch-json";

/** React-query keys of the history; a consent change from an entry invalidates `all`. */
export const historyKeys = {
  all: ["history"] as const,
  list: (filters: HistoryFilters) => ["history", "list", filters] as const,
};

/** The query string of the list and of the export, empty filters left out. */
export function historySearch(query: HistoryListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

export const historyExportUrl = (filters: HistoryFilters) => `/api/history/export?${historySearch(filters)}`;

/** One tab of the history, page by page along the server's keyset cursor. */
export function useHistoryList(filters: HistoryFilters) {
  return useInfiniteQuery({
    queryKey: historyKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<HistoryPage>(`/api/history?${historySearch({ ...filters, cursor: pageParam ?? undefined })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
