import type { DocumentListQuery } from "@/lib/vault/document-api";

/**
 * React-query keys of the vault. Every mutation invalidates `all`: lists, the bin and details share
 * the same rows, and a few refetches cost less than a stale badge.
 */
export const documentKeys = {
  all: ["documents"] as const,
  list: (query: Omit<DocumentListQuery, "cursor">) => ["documents", "list", query] as const,
  detail: (id: string) => ["documents", "detail", id] as const,
};

export const documentFileUrl = (id: string, { download = false } = {}) =>
  `/api/documents/${encodeURIComponent(id)}/file${download ? "?download=1" : ""}`;
