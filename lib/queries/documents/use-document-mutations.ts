"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DocumentBulkInput, DocumentDetail, DocumentPatch, DocumentReportInput } from "@/lib/vault/document-api";
import { documentKeys } from "./document-keys";
import { fetchJson } from "./fetch-json";
import { refreshAfterChange } from "../refresh-after-change";

const documentUrl = (id: string, action = "") => `/api/documents/${encodeURIComponent(id)}${action ? `/${action}` : ""}`;

/** Every change refreshes lists, bin and details, so pages update without a reload. */
function useInvalidatingMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (output) => {
      if (output && typeof output === "object" && "id" in output) queryClient.setQueryData(documentKeys.detail(String(output.id)), output);
      await refreshAfterChange(queryClient, documentKeys.all);
    },
  });
}

export const usePatchDocument = () =>
  useInvalidatingMutation(({ id, patch }: { id: string; patch: DocumentPatch }) =>
    fetchJson<DocumentDetail>(documentUrl(id), { method: "PATCH", body: patch }),
  );

export const useBinDocument = () =>
  useInvalidatingMutation((id: string) => fetchJson<DocumentDetail>(documentUrl(id, "bin"), { method: "POST" }));

export const useRestoreDocument = () =>
  useInvalidatingMutation((id: string) => fetchJson<DocumentDetail>(documentUrl(id, "restore"), { method: "POST" }));

export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<void>(documentUrl(id), { method: "DELETE" }),
    onSuccess: async (_, id) => {
      queryClient.removeQueries({ queryKey: documentKeys.detail(id) });
      await refreshAfterChange(queryClient, documentKeys.all);
    },
  });
}

export const useBulkDocuments = () =>
  useInvalidatingMutation((input: DocumentBulkInput) =>
    fetchJson<{ updated: number }>("/api/documents/bulk", { method: "POST", body: input }),
  );

export const useReportDocument = () =>
  useMutation({
    mutationFn: ({ id, report }: { id: string; report: DocumentReportInput }) =>
      fetchJson<{ id: string; ticketId: string; ticketNumber: number }>(documentUrl(id, "report"), { method: "POST", body: report }),
  });
